import type { AppLoadContext } from '@remix-run/node';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.server';
import { memberships } from '../db/schema.server';
import { listMembers } from '../lib/practices/practices.server';
import { createTestContext, createTestDatabase } from '../test/db';
import { cookieFrom, createSignedInUser, formRequest, getRequest, run } from '../test/requests';
import { createPracticeTeam } from '../test/team';
import * as login from './login';
import * as logout from './logout';
import * as audit from './practices.$practiceId.audit';
import * as members from './practices.$practiceId.members';
import * as settings from './practices.$practiceId.settings';

let database: Database;
let context: AppLoadContext;

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database);
});

afterAll(async () => {
  await database?.close();
});

function postMembers(practiceId: string, fields: Record<string, string>, cookie: string) {
  return run(() =>
    members.action({
      request: formRequest(`/practices/${practiceId}/members`, fields, { cookie }),
      params: { practiceId },
      context,
    }),
  );
}

async function roleOf(practiceId: string, userId: string) {
  return (await listMembers(context.db, practiceId)).find((member) => member.userId === userId)
    ?.role;
}

async function auditLines(practiceId: string, cookie: string) {
  const outcome = await run(() =>
    audit.loader({
      request: getRequest(`/practices/${practiceId}/audit`, { cookie }),
      params: { practiceId },
      context,
    }),
  );
  expect(outcome.status).toBe(200);
  return (outcome.data as { entries: Array<{ who: string; what: string }> }).entries.map(
    (entry) => `${entry.who} ${entry.what}`,
  );
}

describe('changing a member role', () => {
  it('lets an owner change a role and records it; other roles get 403', async () => {
    const { practice, cookies, userIds } = await createPracticeTeam(context, 'Role Clinic');
    const changed = await postMembers(
      practice.id,
      { intent: 'change-role', userId: userIds.staff, role: 'clinician' },
      cookies.owner,
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toContain('Role Clinic staff is now clinician.');
    expect(await roleOf(practice.id, userIds.staff)).toBe('clinician');

    for (const role of ['clinician', 'staff'] as const) {
      const refused = await postMembers(
        practice.id,
        { intent: 'change-role', userId: userIds.owner, role: 'staff' },
        cookies[role],
      );
      expect(refused.status).toBe(403);
    }
    expect(await roleOf(practice.id, userIds.owner)).toBe('owner');
    expect(await auditLines(practice.id, cookies.owner)).toContain(
      "Role Clinic owner changed Role Clinic staff's role from staff to clinician",
    );
  });

  it('refuses to demote the last owner, and allows it once there is another', async () => {
    const { practice, cookies, userIds } = await createPracticeTeam(context, 'Owner Clinic');
    const lastOwner = await postMembers(
      practice.id,
      { intent: 'change-role', userId: userIds.owner, role: 'clinician' },
      cookies.owner,
    );
    expect(lastOwner.status).toBe(400);
    expect(lastOwner.body).toContain('at least one owner');
    expect(await roleOf(practice.id, userIds.owner)).toBe('owner');

    await postMembers(
      practice.id,
      { intent: 'change-role', userId: userIds.clinician, role: 'owner' },
      cookies.owner,
    );
    const demoted = await postMembers(
      practice.id,
      { intent: 'change-role', userId: userIds.owner, role: 'staff' },
      cookies.owner,
    );
    expect(demoted.status).toBe(200);
    expect(await roleOf(practice.id, userIds.owner)).toBe('staff');
  });

  it('names the field for a bad role and refuses someone from another practice', async () => {
    const { practice, cookies, userIds } = await createPracticeTeam(context, 'Bad Input Clinic');
    const badRole = await postMembers(
      practice.id,
      { intent: 'change-role', userId: userIds.staff, role: 'admin' },
      cookies.owner,
    );
    expect(badRole.status).toBe(400);
    expect((badRole.data as { fieldErrors: Record<string, string> }).fieldErrors.role).toBe(
      'Choose a role.',
    );
    const stranger = await createSignedInUser(context);
    const outsider = await postMembers(
      practice.id,
      { intent: 'change-role', userId: stranger.user.id, role: 'owner' },
      cookies.owner,
    );
    expect(outsider.status).toBe(404);
    expect(await roleOf(practice.id, stranger.user.id)).toBeUndefined();
  });

  it('lets two owners demote each other at once without leaving the practice ownerless', async () => {
    const { practice, cookies, userIds } = await createPracticeTeam(context, 'Race Clinic');
    await context.db
      .update(memberships)
      .set({ role: 'owner' })
      .where(eqMember(practice.id, userIds.clinician));
    const [first, second] = await Promise.all([
      postMembers(
        practice.id,
        { intent: 'change-role', userId: userIds.clinician, role: 'staff' },
        cookies.owner,
      ),
      postMembers(
        practice.id,
        { intent: 'change-role', userId: userIds.owner, role: 'staff' },
        cookies.clinician,
      ),
    ]);
    // The loser is refused either by the last-owner check (400) or, when the
    // winner's demotion commits first, by the access check: no longer an owner (403).
    const [won, lost] = [first.status, second.status].sort();
    expect(won).toBe(200);
    expect([400, 403]).toContain(lost);
    const owners = (await listMembers(context.db, practice.id)).filter(
      (member) => member.role === 'owner',
    );
    expect(owners).toHaveLength(1);
  });
});

describe('the practice audit log', () => {
  it('lists log-in, log-out, removal, leaving and profile changes, for owners only', async () => {
    const { practice, cookies, userIds } = await createPracticeTeam(context, 'Audit Clinic');
    const [clinician] = (await listMembers(context.db, practice.id)).filter(
      (member) => member.userId === userIds.clinician,
    );
    const loggedIn = await run(() =>
      login.action({
        request: formRequest('/login', {
          email: clinician?.email ?? '',
          password: 'correct horse battery staple',
        }),
        params: {},
        context,
      }),
    );
    expect(loggedIn.status).toBe(302);
    await run(() =>
      logout.action({
        request: formRequest(
          '/logout',
          {},
          { cookie: cookieFrom(loggedIn.headers.get('Set-Cookie')) },
        ),
        params: {},
        context,
      }),
    );
    await run(() =>
      settings.action({
        request: formRequest(
          `/practices/${practice.id}/settings`,
          { name: 'Audit Clinic West', state: 'WA', routes: ['iv'], telehealth: 'yes' },
          { cookie: cookies.owner },
        ),
        params: { practiceId: practice.id },
        context,
      }),
    );
    await postMembers(practice.id, { intent: 'remove', userId: userIds.staff }, cookies.owner);

    const lines = await auditLines(practice.id, cookies.owner);
    expect(lines).toEqual([
      'Audit Clinic owner removed Audit Clinic staff (staff) from the practice',
      'Audit Clinic owner changed the practice profile: name from “Audit Clinic” to “Audit Clinic West”; state from “OR” to “WA”; routes from “iv, intranasal-esketamine” to “iv”',
      'Audit Clinic clinician logged out',
      'Audit Clinic clinician logged in',
    ]);

    // A member who leaves.
    const leaver = await createSignedInUser(context, { name: 'Lee Leaver' });
    await context.db
      .insert(memberships)
      .values({ practiceId: practice.id, userId: leaver.user.id, role: 'staff' });
    await postMembers(practice.id, { intent: 'leave' }, leaver.cookie);
    expect((await auditLines(practice.id, cookies.owner))[0]).toBe('Lee Leaver left the practice');

    for (const role of ['clinician', 'outsider'] as const) {
      const refused = await run(() =>
        audit.loader({
          request: getRequest(`/practices/${practice.id}/audit`, { cookie: cookies[role] }),
          params: { practiceId: practice.id },
          context,
        }),
      );
      expect(refused.status).toBe(role === 'clinician' ? 403 : 404);
    }
  });
});

function eqMember(practiceId: string, userId: string) {
  return and(eq(memberships.practiceId, practiceId), eq(memberships.userId, userId));
}
