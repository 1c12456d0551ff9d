import type { AppLoadContext } from '@remix-run/node';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.server';
import { packetEvents } from '../db/packets-schema.server';
import { memberships } from '../db/schema.server';
import { maySeePatientDetails } from '../lib/auth/patient-details-right';
import { mayUsePatientRecords } from '../lib/measures/record-access.server';
import { createTestContext, createTestDatabase } from '../test/db';
import { sendTestPacket } from '../test/packets';
import { createSignedInUser, formRequest, getRequest, run } from '../test/requests';
import { createPracticeTeam } from '../test/team';
import * as audit from './practices.$practiceId.audit';
import * as members from './practices.$practiceId.members';
import * as packetPage from './practices.$practiceId.packets.$packetId';
import * as packetList from './practices.$practiceId.packets._index';
import * as patientList from './practices.$practiceId.patients._index';
import * as practiceLayout from './practices.$practiceId';

/**
 * The per-member right to see patient details: owners give it to staff on
 * the members page (audited); the same decision opens packets' patient
 * details and patient records.
 */

let database: Database;
let context: AppLoadContext;

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database);
});
afterAll(() => database?.close());

function postMembers(practiceId: string, fields: Record<string, string>, cookie: string) {
  return run(() =>
    members.action({
      request: formRequest(`/practices/${practiceId}/members`, fields, { cookie }),
      params: { practiceId },
      context,
    }),
  );
}

function grant(practiceId: string, userId: string, value: 'yes' | 'no', cookie: string) {
  return postMembers(practiceId, { intent: 'patient-details', userId, grant: value }, cookie);
}

async function memberRight(practiceId: string, cookie: string, userId: string) {
  const outcome = await run(() =>
    members.loader({
      request: getRequest(`/practices/${practiceId}/members`, { cookie }),
      params: { practiceId },
      context,
    }),
  );
  const list = (
    outcome.data as { members: Array<{ userId: string; maySeePatientDetails: boolean }> }
  ).members;
  return list.find((member) => member.userId === userId)?.maySeePatientDetails;
}

function get(
  route: { loader: (args: never) => unknown },
  path: string,
  params: Record<string, string>,
  cookie: string,
) {
  const loader = route.loader as (args: {
    request: Request;
    params: Record<string, string>;
    context: AppLoadContext;
  }) => unknown;
  return run(() => loader({ request: getRequest(path, { cookie }), params, context }));
}

describe('maySeePatientDetails', () => {
  it.each([
    ['owner', false, true],
    ['clinician', false, true],
    ['staff', false, false],
    ['staff', true, true],
  ] as const)('%s with the grant %s: %s, for packets and records alike', (role, right, expected) => {
    const member = { role, maySeePatientDetails: right };
    expect(maySeePatientDetails(member)).toBe(expected);
    expect(mayUsePatientRecords(member)).toBe(expected);
  });
});

describe('giving staff the right to see patient details', () => {
  it('is for owners only, is audited, and refuses bad input naming the field', async () => {
    const { practice, cookies, userIds } = await createPracticeTeam(context, 'Right Clinic');
    expect(await memberRight(practice.id, cookies.owner, userIds.staff)).toBe(false);

    for (const role of ['clinician', 'staff'] as const) {
      const refused = await grant(practice.id, userIds.staff, 'yes', cookies[role]);
      expect(refused.status, role).toBe(403);
    }
    expect((await grant(practice.id, userIds.staff, 'yes', cookies.outsider)).status).toBe(404);
    expect(await memberRight(practice.id, cookies.owner, userIds.staff)).toBe(false);

    const granted = await grant(practice.id, userIds.staff, 'yes', cookies.owner);
    expect(granted.status).toBe(200);
    expect(granted.body).toContain('Right Clinic staff may see patient details.');
    expect(await memberRight(practice.id, cookies.owner, userIds.staff)).toBe(true);
    // Everyone in the practice sees who has the right.
    expect(await memberRight(practice.id, cookies.staff, userIds.staff)).toBe(true);

    const revoked = await grant(practice.id, userIds.staff, 'no', cookies.owner);
    expect(revoked.body).toContain('Right Clinic staff no longer sees patient details.');
    expect(await memberRight(practice.id, cookies.owner, userIds.staff)).toBe(false);

    const badGrant = await postMembers(
      practice.id,
      { intent: 'patient-details', userId: userIds.staff, grant: 'maybe' },
      cookies.owner,
    );
    expect(badGrant.status).toBe(400);
    expect((badGrant.data as { fieldErrors: Record<string, string> }).fieldErrors.grant).toBe(
      'Choose whether to give or take away the right.',
    );
    const badUser = await postMembers(
      practice.id,
      { intent: 'patient-details', userId: 'nobody', grant: 'yes' },
      cookies.owner,
    );
    expect((badUser.data as { fieldErrors: Record<string, string> }).fieldErrors.userId).toBe(
      'Choose a member.',
    );
    const clinician = await grant(practice.id, userIds.clinician, 'yes', cookies.owner);
    expect(clinician.status).toBe(400);
    expect(clinician.body).toContain('by their role');
    // A member of another practice cannot be given this practice's right.
    const stranger = await createSignedInUser(context);
    expect((await grant(practice.id, stranger.user.id, 'yes', cookies.owner)).status).toBe(404);

    const auditOutcome = await get(
      audit,
      `/practices/${practice.id}/audit`,
      { practiceId: practice.id },
      cookies.owner,
    );
    const lines = (auditOutcome.data as { entries: Array<{ who: string; what: string }> }).entries
      .map((entry) => `${entry.who} ${entry.what}`)
      .slice(0, 2);
    expect(lines).toEqual([
      "Right Clinic owner took away Right Clinic staff's right to see patient details",
      'Right Clinic owner gave Right Clinic staff the right to see patient details',
    ]);
  });

  it('shows staff patient details and records only while they have the right', async () => {
    const { practice, cookies, userIds } = await createPracticeTeam(context, 'Details Clinic');
    const practiceId = practice.id;
    const sent = await sendTestPacket(context, { practiceId, cookie: cookies.clinician });
    const secrets = [sent.patient.patientName, sent.patient.patientEmail, '1984-02-29'];
    const list = () =>
      get(packetList, `/practices/${practiceId}/packets`, { practiceId }, cookies.staff);
    const page = () =>
      get(
        packetPage,
        `/practices/${practiceId}/packets/${sent.packetId}`,
        { practiceId, packetId: sent.packetId },
        cookies.staff,
      );
    const records = () =>
      get(patientList, `/practices/${practiceId}/patients`, { practiceId }, cookies.staff);
    const layout = async () =>
      (
        (await get(practiceLayout, `/practices/${practiceId}`, { practiceId }, cookies.staff))
          .data as { patientRecords: boolean }
      ).patientRecords;

    // Without the right: status, documents and events, but nothing about the patient.
    const before = [await list(), await page()];
    for (const outcome of before) {
      expect(outcome.status).toBe(200);
      expect(outcome.body).toContain('"status":"sent"');
      for (const secret of secrets) expect(outcome.body).not.toContain(secret);
      expect(outcome.body).not.toContain(context.clientIp);
    }
    expect(before[1]?.body).toContain('"withPatient":false');
    expect((await records()).status).toBe(403);
    expect(await layout()).toBe(false);

    await grant(practiceId, userIds.staff, 'yes', cookies.owner);
    const listed = await list();
    expect(listed.body).toContain(sent.patient.patientName);
    const detail = await page();
    for (const secret of secrets) expect(detail.body).toContain(secret);
    // The access log's origins come with the details; acting stays with clinicians.
    expect(detail.body).toContain(context.clientIp);
    expect(detail.data).toMatchObject({ withPatient: true, canAct: false, canKeepRecord: false });
    expect((await records()).status).toBe(200);
    expect(await layout()).toBe(true);
    // The staff member's look at the details is in the access log.
    const views = (
      await context.db.select().from(packetEvents).where(eq(packetEvents.packetId, sent.packetId))
    ).filter((event) => event.type === 'viewed' && event.actor === 'member');
    expect(views.map((event) => event.userId)).toEqual([userIds.staff]);

    // Sending, resending and countersigning still need a clinician.
    const resend = await run(() =>
      packetPage.action({
        request: formRequest(
          `/practices/${practiceId}/packets/${sent.packetId}`,
          { intent: 'resend' },
          { cookie: cookies.staff },
        ),
        params: { practiceId, packetId: sent.packetId },
        context,
      }),
    );
    expect(resend.status).toBe(403);

    await grant(practiceId, userIds.staff, 'no', cookies.owner);
    const after = await page();
    for (const secret of secrets) expect(after.body).not.toContain(secret);
    expect((await records()).status).toBe(403);
  });

  it('does not carry over to another practice the staff member belongs to', async () => {
    const first = await createPracticeTeam(context, 'First Right Clinic');
    const second = await createPracticeTeam(context, 'Second Right Clinic');
    await grant(first.practice.id, first.userIds.staff, 'yes', first.cookies.owner);
    const sent = await sendTestPacket(context, {
      practiceId: second.practice.id,
      cookie: second.cookies.clinician,
    });
    // The first practice's staff member joins the second as staff, without the right there.
    await context.db.insert(memberships).values({
      practiceId: second.practice.id,
      userId: first.userIds.staff,
      role: 'staff',
    });
    const outcome = await get(
      packetList,
      `/practices/${second.practice.id}/packets`,
      { practiceId: second.practice.id },
      first.cookies.staff,
    );
    expect(outcome.status).toBe(200);
    expect(outcome.body).toContain(sent.packetId);
    expect(outcome.body).not.toContain(sent.patient.patientName);
  });
});
