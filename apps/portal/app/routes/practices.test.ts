import type { AppLoadContext } from '@remix-run/node';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.server';
import { invites, sessions } from '../db/schema.server';
import { outboxMailsTo } from '../test/outbox';
import { listMembers, listPracticesForUser } from '../lib/practices/practices.server';
import { redactedSecret } from '../lib/mail.server';
import { createTestContext, createTestDatabase } from '../test/db';
import { findInEveryTable, publicTables } from '../test/scan-database';
import {
  createSignedInUser,
  createTestPractice,
  formRequest,
  getRequest,
  run,
} from '../test/requests';
import * as devOutbox from './dev.outbox';
import * as invite from './invites.$token';
import * as members from './practices.$practiceId.members';
import * as settings from './practices.$practiceId.settings';
import * as newPractice from './practices.new';
import * as switchPractice from './practices.switch';
import * as root from '../root';

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

async function inviteLink(practiceId: string, cookie: string, email: string, role = 'clinician') {
  const outcome = await postMembers(practiceId, { intent: 'invite', email, role }, cookie);
  expect(outcome.status).toBe(200);
  const link = (outcome.data as { inviteLink: string }).inviteLink;
  return { link, token: link.split('/invites/')[1] ?? '' };
}

function accept(token: string, cookie?: string) {
  return run(() =>
    invite.action({
      request: formRequest(`/invites/${token}`, {}, { cookie }),
      params: { token },
      context,
    }),
  );
}

describe('creating a practice', () => {
  it('makes the creator its owner and remembers it as current', async () => {
    const { user, cookie } = await createSignedInUser(context);
    const outcome = await run(() =>
      newPractice.action({
        request: formRequest(
          '/practices/new',
          {
            name: 'Lakeside Clinic',
            state: 'CO',
            routes: ['im', 'oral-sublingual'],
            telehealth: 'no',
          },
          { cookie },
        ),
        params: {},
        context,
      }),
    );
    expect(outcome.status).toBe(302);
    const [practice] = await listPracticesForUser(context.db, user.id);
    expect(practice).toMatchObject({ name: 'Lakeside Clinic', role: 'owner' });
    expect(outcome.headers.get('Location')).toBe(`/practices/${practice?.id}`);
    const [session] = await context.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(session?.currentPracticeId).toBe(practice?.id);
  });

  it('names each invalid field and keeps what was typed', async () => {
    const { cookie } = await createSignedInUser(context);
    const outcome = await run(() =>
      newPractice.action({
        request: formRequest(
          '/practices/new',
          { name: '  ', state: 'ZZ', routes: ['iv', 'mushrooms'], telehealth: 'maybe' },
          { cookie },
        ),
        params: {},
        context,
      }),
    );
    expect(outcome.status).toBe(400);
    const { fieldErrors, values } = outcome.data as {
      fieldErrors: Record<string, string>;
      values: Record<string, unknown>;
    };
    expect(Object.keys(fieldErrors).sort()).toEqual(['name', 'routes', 'state', 'telehealth']);
    expect(values.routes).toEqual(['iv', 'mushrooms']);
    expect(values.state).toBe('ZZ');
  });

  it('requires a signed-in user', async () => {
    const outcome = await run(() =>
      newPractice.action({
        request: formRequest('/practices/new', {
          name: 'X',
          state: 'CO',
          routes: 'iv',
          telehealth: 'no',
        }),
        params: {},
        context,
      }),
    );
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toMatch(/^\/login/);
  });
});

describe('invitations', () => {
  it('e-mails a single-use link that adds the invitee with the invited role', async () => {
    const owner = await createSignedInUser(context, { name: 'Olive Owner' });
    const practice = await createTestPractice(context, owner.user.id, { name: 'Invite Clinic' });
    const { link, token } = await inviteLink(
      practice.id,
      owner.cookie,
      'Nina@Example.org',
      'staff',
    );
    expect(link).toMatch(/^http:\/\/portal\.test\/invites\/[A-Za-z0-9_-]{43}$/);

    const [outboxMail] = await outboxMailsTo(context, 'Nina@Example.org');
    const mail = outboxMail && { ...outboxMail, text: outboxMail.storedText };
    expect(mail?.subject).toContain('Invite Clinic');
    // The stored e-mail has the link without its token, marked with the start of the token's hash.
    expect(mail?.text).toContain('http://portal.test/invites/[secret removed; sha256 ');
    expect(mail?.text).toContain(redactedSecret(token));
    expect(mail?.text).not.toContain(token);

    // Only the hash of the token is stored, and no usable token anywhere.
    const stored = await context.db
      .select()
      .from(invites)
      .where(eq(invites.practiceId, practice.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).not.toContain(token);
    // The marker in the e-mail matches the invite's stored hash, for a developer to tell which.
    expect(redactedSecret(token)).toContain(`sha256 ${stored[0]?.tokenHash.slice(0, 12)}`);
    expect(await publicTables(context.db)).toContain('outbox_emails');
    expect(await findInEveryTable(context.db, token)).toEqual([]);

    // In development the outbox still shows the working link (kept in this process's memory).
    const outbox = await run(() =>
      devOutbox.loader({ request: getRequest('/dev/outbox'), params: {}, context }),
    );
    const listed = (outbox.data as { emails: Array<{ to: string; text: string }> }).emails.find(
      (email) => email.to === 'Nina@Example.org',
    );
    expect(listed?.text).toContain(link);

    const shown = await run(() =>
      invite.loader({ request: getRequest(`/invites/${token}`), params: { token }, context }),
    );
    expect(shown.data).toMatchObject({
      practiceName: 'Invite Clinic',
      role: 'staff',
      signedInAs: null,
    });

    const invitee = await createSignedInUser(context, { name: 'Nina' });
    const accepted = await accept(token, invitee.cookie);
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get('Location')).toBe(`/practices/${practice.id}`);
    const roster = await listMembers(context.db, practice.id);
    expect(roster.find((member) => member.userId === invitee.user.id)?.role).toBe('staff');

    // A second use of the same link fails, for anyone.
    const stranger = await createSignedInUser(context);
    expect((await accept(token, stranger.cookie)).status).toBe(404);
    expect(await listPracticesForUser(context.db, stranger.user.id)).toEqual([]);
  });

  it('refuses expired links and unknown tokens', async () => {
    const owner = await createSignedInUser(context);
    const practice = await createTestPractice(context, owner.user.id);
    const { token } = await inviteLink(practice.id, owner.cookie, 'late@example.org');
    await context.db
      .update(invites)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invites.practiceId, practice.id));
    const invitee = await createSignedInUser(context);
    expect((await accept(token, invitee.cookie)).status).toBe(404);
    expect((await accept('made-up-token', invitee.cookie)).status).toBe(404);
  });

  it('sends a signed-out invitee to log in and come back', async () => {
    const owner = await createSignedInUser(context);
    const practice = await createTestPractice(context, owner.user.id);
    const { token } = await inviteLink(practice.id, owner.cookie, 'new@example.org');
    const outcome = await accept(token);
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toBe(
      `/login?${new URLSearchParams({ redirectTo: `/invites/${token}` })}`,
    );
  });

  it('rejects a bad e-mail or role beside the field', async () => {
    const owner = await createSignedInUser(context);
    const practice = await createTestPractice(context, owner.user.id);
    const outcome = await postMembers(
      practice.id,
      { intent: 'invite', email: 'nope', role: 'admin' },
      owner.cookie,
    );
    expect(outcome.status).toBe(400);
    expect(Object.keys((outcome.data as { fieldErrors: object }).fieldErrors).sort()).toEqual([
      'email',
      'role',
    ]);
  });

  it('lets only owners invite', async () => {
    const owner = await createSignedInUser(context);
    const practice = await createTestPractice(context, owner.user.id);
    const { token } = await inviteLink(practice.id, owner.cookie, 'clin@example.org', 'clinician');
    const clinician = await createSignedInUser(context);
    await accept(token, clinician.cookie);
    const outcome = await postMembers(
      practice.id,
      { intent: 'invite', email: 'friend@example.org', role: 'owner' },
      clinician.cookie,
    );
    expect(outcome.status).toBe(403);
  });
});

describe('invitation notice', () => {
  it('says the invitation was e-mailed only when the transport really delivers mail', async () => {
    const owner = await createSignedInUser(context);
    const practice = await createTestPractice(context, owner.user.id);
    const invite = (email: string, ctx: AppLoadContext) =>
      run(() =>
        members.action({
          request: formRequest(
            `/practices/${practice.id}/members`,
            { intent: 'invite', email, role: 'staff' },
            { cookie: owner.cookie },
          ),
          params: { practiceId: practice.id },
          context: ctx,
        }),
      );
    const outbox = await invite('outbox@example.org', context);
    expect((outbox.data as { emailed: boolean }).emailed).toBe(false);
    const sent: string[] = [];
    const smtpLike = {
      ...context,
      mail: { delivers: true, send: async (mail: { to: string }) => void sent.push(mail.to) },
    } as AppLoadContext;
    const delivered = await invite('smtp@example.org', smtpLike);
    expect((delivered.data as { emailed: boolean }).emailed).toBe(true);
    expect(sent).toEqual(['smtp@example.org']);
  });
});

describe('tenant boundaries inside forms', () => {
  it('an owner cannot remove, through their own practice, a member of another practice', async () => {
    const ownerA = await createSignedInUser(context);
    const practiceA = await createTestPractice(context, ownerA.user.id, { name: 'Practice A' });
    const ownerB = await createSignedInUser(context);
    const practiceB = await createTestPractice(context, ownerB.user.id, { name: 'Practice B' });
    // The user id of B's owner, posted to A's members page.
    const outcome = await postMembers(
      practiceA.id,
      { intent: 'remove', userId: ownerB.user.id },
      ownerA.cookie,
    );
    expect(outcome.status).toBe(200);
    expect((await listMembers(context.db, practiceB.id)).map((member) => member.userId)).toEqual([
      ownerB.user.id,
    ]);
  });

  it('an owner cannot revoke another practice’s invite', async () => {
    const ownerA = await createSignedInUser(context);
    const practiceA = await createTestPractice(context, ownerA.user.id);
    const ownerB = await createSignedInUser(context);
    const practiceB = await createTestPractice(context, ownerB.user.id);
    const { token } = await inviteLink(practiceB.id, ownerB.cookie, 'b-invitee@example.org');
    const [inviteB] = await context.db
      .select()
      .from(invites)
      .where(eq(invites.practiceId, practiceB.id));
    await postMembers(
      practiceA.id,
      { intent: 'revoke-invite', inviteId: inviteB?.id ?? '' },
      ownerA.cookie,
    );
    const invitee = await createSignedInUser(context);
    expect((await accept(token, invitee.cookie)).status).toBe(302);
  });

  it('a revoked invite no longer works', async () => {
    const owner = await createSignedInUser(context);
    const practice = await createTestPractice(context, owner.user.id);
    const { token } = await inviteLink(practice.id, owner.cookie, 'revoked@example.org');
    const [pending] = await context.db
      .select()
      .from(invites)
      .where(eq(invites.practiceId, practice.id));
    await postMembers(
      practice.id,
      { intent: 'revoke-invite', inviteId: pending?.id ?? '' },
      owner.cookie,
    );
    const invitee = await createSignedInUser(context);
    expect((await accept(token, invitee.cookie)).status).toBe(404);
  });

  it('a malformed practice id in the URL is a 404, not an error', async () => {
    const { cookie } = await createSignedInUser(context);
    const outcome = await run(() =>
      members.loader({
        request: getRequest('/practices/not-a-uuid/members', { cookie }),
        params: { practiceId: 'not-a-uuid' },
        context,
      }),
    );
    expect(outcome.status).toBe(404);
  });
});

describe('members', () => {
  it('an owner removes a member; the last owner can be neither removed nor leave', async () => {
    const owner = await createSignedInUser(context);
    const practice = await createTestPractice(context, owner.user.id);
    const { token } = await inviteLink(practice.id, owner.cookie, 'm@example.org', 'clinician');
    const member = await createSignedInUser(context);
    await accept(token, member.cookie);

    const removed = await postMembers(
      practice.id,
      { intent: 'remove', userId: member.user.id },
      owner.cookie,
    );
    expect(removed.status).toBe(200);
    expect(await listPracticesForUser(context.db, member.user.id)).toEqual([]);

    const lastOwner = await postMembers(
      practice.id,
      { intent: 'remove', userId: owner.user.id },
      owner.cookie,
    );
    expect(lastOwner.status).toBe(400);
    expect(lastOwner.body).toContain('at least one owner');
    const leave = await postMembers(practice.id, { intent: 'leave' }, owner.cookie);
    expect(leave.status).toBe(400);
    expect((await listMembers(context.db, practice.id)).map((m) => m.userId)).toEqual([
      owner.user.id,
    ]);
  });

  it('a second owner makes removing the first possible', async () => {
    const first = await createSignedInUser(context);
    const practice = await createTestPractice(context, first.user.id);
    const { token } = await inviteLink(practice.id, first.cookie, 'o2@example.org', 'owner');
    const second = await createSignedInUser(context);
    await accept(token, second.cookie);
    const outcome = await postMembers(
      practice.id,
      { intent: 'remove', userId: first.user.id },
      second.cookie,
    );
    expect(outcome.status).toBe(200);
    expect((await listMembers(context.db, practice.id)).map((m) => m.role)).toEqual(['owner']);
  });
});

describe('several practices', () => {
  it('a user switches between their practices but not into someone else’s', async () => {
    const user = await createSignedInUser(context);
    const first = await createTestPractice(context, user.user.id, { name: 'Alpha' });
    const second = await createTestPractice(context, user.user.id, { name: 'Beta' });
    const other = await createSignedInUser(context);
    const foreign = await createTestPractice(context, other.user.id, { name: 'Gamma' });

    const switched = await run(() =>
      switchPractice.action({
        request: formRequest(
          '/practices/switch',
          { practiceId: second.id },
          { cookie: user.cookie },
        ),
        params: {},
        context,
      }),
    );
    expect(switched.headers.get('Location')).toBe(`/practices/${second.id}`);
    const [session] = await context.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, user.user.id));
    expect(session?.currentPracticeId).toBe(second.id);
    expect(first.id).not.toBe(second.id);

    const refused = await run(() =>
      switchPractice.action({
        request: formRequest(
          '/practices/switch',
          { practiceId: foreign.id },
          { cookie: user.cookie },
        ),
        params: {},
        context,
      }),
    );
    expect(refused.status).toBe(404);

    // The header shows the practice in the URL as current, but never a foreign one.
    const header = async (practiceId: string) =>
      (
        await run(() =>
          root.loader({
            request: getRequest(`/practices/${practiceId}`, { cookie: user.cookie }),
            params: { practiceId },
            context,
          }),
        )
      ).data as { currentPracticeId: string; practices: Array<{ name: string }> };
    expect((await header(first.id)).currentPracticeId).toBe(first.id);
    const onForeign = await header(foreign.id);
    expect(onForeign.currentPracticeId).toBe(second.id);
    expect(onForeign.practices.map((practice) => practice.name)).toEqual(['Alpha', 'Beta']);
  });
});

describe('practice profile', () => {
  it('an owner edits it; a clinician may not', async () => {
    const owner = await createSignedInUser(context);
    const practice = await createTestPractice(context, owner.user.id);
    const fields = { name: 'Renamed Clinic', state: 'WA', routes: ['im'], telehealth: 'no' };
    const saved = await run(() =>
      settings.action({
        request: formRequest(`/practices/${practice.id}/settings`, fields, {
          cookie: owner.cookie,
        }),
        params: { practiceId: practice.id },
        context,
      }),
    );
    expect(saved.status).toBe(200);
    const loaded = await run(() =>
      settings.loader({
        request: getRequest(`/practices/${practice.id}/settings`, { cookie: owner.cookie }),
        params: { practiceId: practice.id },
        context,
      }),
    );
    expect(loaded.data).toMatchObject({
      profile: { name: 'Renamed Clinic', state: 'WA', routes: ['im'], telehealth: false },
      medicalDirector: { current: '' },
    });

    const { token } = await inviteLink(practice.id, owner.cookie, 'c@example.org', 'clinician');
    const clinician = await createSignedInUser(context);
    await accept(token, clinician.cookie);
    const refused = await run(() =>
      settings.action({
        request: formRequest(
          `/practices/${practice.id}/settings`,
          { ...fields, name: 'Hijacked' },
          {
            cookie: clinician.cookie,
          },
        ),
        params: { practiceId: practice.id },
        context,
      }),
    );
    expect(refused.status).toBe(403);
    expect((await listPracticesForUser(context.db, owner.user.id))[0]?.name).toBe('Renamed Clinic');
  });
});
