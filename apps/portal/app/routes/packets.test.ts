import type { AppLoadContext } from '@remix-run/node';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/client.server';
import { packetDocuments, packetEvents, patientPackets } from '../db/packets-schema.server';
import { hashToken } from '../lib/crypto.server';
import { createTestContext } from '../test/db';
import { mailsTo, sendTestPacket, testPatient } from '../test/packets';
import { formRequest, getRequest, run } from '../test/requests';
import { findInEveryTable } from '../test/scan-database';
import { type PracticeTeam, createPracticeTeam, withPracticeTeam } from '../test/team';
import * as packetPage from './practices.$practiceId.packets.$packetId';
import * as packetList from './practices.$practiceId.packets._index';
import * as newPacket from './practices.$practiceId.packets.new';

let database: Database;
let context: AppLoadContext;
let team: PracticeTeam;
let practiceId: string;

withPracticeTeam('Packet Test Clinic', (fixture) => {
  ({ database, context, team, practiceId } = fixture);
});

function post(path: string, fields: Record<string, string | string[]>, cookie: string) {
  return formRequest(path, fields, { cookie });
}

async function packetRow(packetId: string) {
  const [row] = await context.db
    .select()
    .from(patientPackets)
    .where(eq(patientPackets.id, packetId));
  return row;
}

describe('sending a packet', () => {
  it('stores it encrypted, e-mails the patient a link without their details, and shows the link once', async () => {
    const sent = await sendTestPacket(context, { practiceId, cookie: team.cookies.clinician });
    expect(sent.link).toMatch(/^http:\/\/portal\.test\/p\/[A-Za-z0-9_-]{43}$/);
    const row = await packetRow(sent.packetId);
    expect(row?.tokenHash).toBe(hashToken(sent.token));
    const documents = await context.db
      .select()
      .from(packetDocuments)
      .where(eq(packetDocuments.packetId, sent.packetId));
    expect(
      documents.map((document) => [document.kind, document.documentId, document.routes]),
    ).toEqual([
      ['handout', 'preparing-for-your-session', []],
      ['consent', 'informed-consent', ['iv']],
    ]);
    expect(documents.every((document) => /^[0-9a-f]{64}$/.test(document.contentSha256))).toBe(true);

    const [mail] = await mailsTo(context, sent.patient.patientEmail);
    expect(mail?.subject).toBe('Packet Test Clinic: documents to read and sign');
    expect(mail?.text).toContain(sent.link);
    // The token is never kept at rest, not even in the outbox.
    expect(mail?.storedText).not.toContain(sent.token);
    expect(mail?.text).not.toContain('Ottoline');
    expect(mail?.text).not.toContain('1984');

    // Nothing holds the name, the date, the e-mail address (the development
    // outbox keeps it encrypted) or the link's token.
    for (const needle of ['Brackenbury', '1984-02-29', sent.patient.patientEmail, sent.token]) {
      expect(await findInEveryTable(context.db, needle), needle).toEqual([]);
    }
  });

  it('writes Spanish e-mail for a Spanish packet', async () => {
    const sent = await sendTestPacket(context, {
      practiceId,
      cookie: team.cookies.owner,
      fields: { locale: 'es' },
    });
    const [mail] = await mailsTo(context, sent.patient.patientEmail);
    expect(mail?.subject).toBe('Packet Test Clinic: documentos para leer y firmar');
    expect((await packetRow(sent.packetId))?.locale).toBe('es');
  });

  it.each([
    ['patientName', { patientName: '' }, 'Enter the patient’s name.'],
    [
      'patientEmail',
      { patientEmail: 'not-an-address' },
      'Enter an e-mail address like name@example.org.',
    ],
    ['patientBirthDate', { patientBirthDate: '1984-02-30' }, 'Enter a date that exists.'],
    [
      'patientBirthDate',
      { patientBirthDate: '2999-01-01' },
      'Enter a date of birth between 1900 and today.',
    ],
    [
      'patientBirthDate',
      { patientBirthDate: '02/03/1984' },
      'Enter the date of birth like 1980-04-23.',
    ],
    ['locale', { locale: 'fr' }, undefined],
    ['handouts', { handouts: ['no-such-handout'] }, undefined],
    [
      'routes',
      { routes: [] as unknown as string },
      'Choose at least one route of administration for the consent form.',
    ],
    ['routes', { routes: ['nasal-spray'] }, 'Choose routes from the list.'],
    [
      'handouts',
      { handouts: [] as unknown as string, consent: 'no' },
      'Choose at least one handout or include the consent form.',
    ],
  ])('refuses a bad %s with a message beside it, storing nothing', async (name, change, message) => {
    const patient = testPatient();
    const outcome = await run(() =>
      newPacket.action({
        request: post(
          `/practices/${practiceId}/packets/new`,
          {
            ...patient,
            locale: 'en',
            handouts: ['preparing-for-your-session'],
            consent: 'yes',
            routes: ['iv'],
            ...change,
          },
          team.cookies.clinician,
        ),
        params: { practiceId },
        context,
      }),
    );
    expect(outcome.status).toBe(400);
    const errors = (outcome.data as { fieldErrors: Record<string, string> }).fieldErrors;
    expect(Object.keys(errors)).toEqual([name]);
    if (message) expect(errors[name]).toBe(message);
    expect(await mailsTo(context, patient.patientEmail)).toEqual([]);
  });

  it('still creates the packet and shows the link when the e-mail cannot be sent', async () => {
    const failing = createTestContext(database, {
      mail: { send: () => Promise.reject(new Error('SMTP down')) },
    });
    const outcome = await run(() =>
      newPacket.action({
        request: post(
          `/practices/${practiceId}/packets/new`,
          { ...testPatient(), locale: 'en', handouts: [], consent: 'yes', routes: ['im'] },
          team.cookies.clinician,
        ),
        params: { practiceId },
        context: failing,
      }),
    );
    expect(outcome.status).toBe(200);
    expect(outcome.data).toMatchObject({ ok: true, delivered: false });
    expect(String((outcome.data as { qrSvg: string }).qrSvg)).toMatch(/^<svg/);
  });

  it('is for clinicians and owners: staff cannot open the form', async () => {
    const outcome = await run(() =>
      newPacket.loader({
        request: getRequest(`/practices/${practiceId}/packets/new`, { cookie: team.cookies.staff }),
        params: { practiceId },
        context,
      }),
    );
    expect(outcome.status).toBe(403);
  });
});

describe('the packet list and page', () => {
  it('shows clinicians who a packet is for, and staff its status only', async () => {
    const sent = await sendTestPacket(context, { practiceId, cookie: team.cookies.clinician });
    const list = async (cookie: string) =>
      run(() =>
        packetList.loader({
          request: getRequest(`/practices/${practiceId}/packets`, { cookie }),
          params: { practiceId },
          context,
        }),
      );
    const clinician = await list(team.cookies.clinician);
    expect(clinician.body).toContain(sent.patient.patientName);
    expect(clinician.headers.get('Cache-Control')).toBe('no-store');
    const staff = await list(team.cookies.staff);
    expect(staff.status).toBe(200);
    expect(staff.body).toContain(sent.packetId);
    expect(staff.body).toContain('"status":"sent"');
    expect(staff.body).not.toContain('Ottoline');

    const page = async (cookie: string) =>
      run(() =>
        packetPage.loader({
          request: getRequest(`/practices/${practiceId}/packets/${sent.packetId}`, { cookie }),
          params: { practiceId, packetId: sent.packetId },
          context,
        }),
      );
    const detail = await page(team.cookies.clinician);
    expect(detail.body).toContain(sent.patient.patientEmail);
    expect(detail.body).toContain('1984-02-29');
    const staffDetail = await page(team.cookies.staff);
    expect(staffDetail.status).toBe(200);
    for (const secret of ['Ottoline', sent.patient.patientEmail, '1984-02-29']) {
      expect(staffDetail.body).not.toContain(secret);
    }
    expect(staffDetail.body).toContain('E-mailed to the patient');
    // Each look at the patient's details is in the access log, with who looked.
    const views = (
      await context.db.select().from(packetEvents).where(eq(packetEvents.packetId, sent.packetId))
    ).filter((event) => event.type === 'viewed' && event.actor === 'member');
    expect(views.map((event) => event.userId)).toEqual([team.userIds.clinician]);
  });

  it('finds nothing under one practice’s URL for another practice’s packet', async () => {
    const other = await createPracticeTeam(context, 'Other Packet Clinic');
    const foreign = await sendTestPacket(context, {
      practiceId: other.practice.id,
      cookie: other.cookies.clinician,
    });
    const params = { practiceId, packetId: foreign.packetId };
    const path = `/practices/${practiceId}/packets/${foreign.packetId}`;
    const viewed = await run(() =>
      packetPage.loader({
        request: getRequest(path, { cookie: team.cookies.owner }),
        params,
        context,
      }),
    );
    expect(viewed.status).toBe(404);
    expect(viewed.body).not.toContain('Ottoline');
    for (const intent of ['resend', 'new-link', 'revoke']) {
      const acted = await run(() =>
        packetPage.action({ request: post(path, { intent }, team.cookies.owner), params, context }),
      );
      expect(acted.status, intent).toBe(404);
    }
    expect((await packetRow(foreign.packetId))?.tokenHash).toBe(hashToken(foreign.token));
    const list = await run(() =>
      packetList.loader({
        request: getRequest(`/practices/${practiceId}/packets`, { cookie: team.cookies.owner }),
        params: { practiceId },
        context,
      }),
    );
    expect(list.body).not.toContain(foreign.packetId);
  });

  it('answers 404 for a packet id that is not a UUID', async () => {
    const outcome = await run(() =>
      packetPage.loader({
        request: getRequest(`/practices/${practiceId}/packets/nope`, {
          cookie: team.cookies.owner,
        }),
        params: { practiceId, packetId: 'nope' },
        context,
      }),
    );
    expect(outcome.status).toBe(404);
  });
});

describe('resend, new link and revoke', () => {
  it('resending e-mails a new link and stops the old one', async () => {
    const sent = await sendTestPacket(context, { practiceId, cookie: team.cookies.clinician });
    const path = `/practices/${practiceId}/packets/${sent.packetId}`;
    const params = { practiceId, packetId: sent.packetId };
    const resent = await run(() =>
      packetPage.action({
        request: post(path, { intent: 'resend' }, team.cookies.clinician),
        params,
        context,
      }),
    );
    expect(resent.data).toMatchObject({ ok: true, delivered: true });
    const newToken = String((resent.data as { link: string }).link).split('/p/')[1] ?? '';
    expect(newToken).not.toBe(sent.token);
    expect((await packetRow(sent.packetId))?.tokenHash).toBe(hashToken(newToken));
    const mails = await mailsTo(context, sent.patient.patientEmail);
    expect(mails).toHaveLength(2);
    expect(mails.some((mail) => mail.text.includes(newToken))).toBe(true);

    const linkOnly = await run(() =>
      packetPage.action({
        request: post(path, { intent: 'new-link' }, team.cookies.clinician),
        params,
        context,
      }),
    );
    expect(linkOnly.data).toMatchObject({ ok: true, intent: 'new-link', delivered: false });
    expect(await mailsTo(context, sent.patient.patientEmail)).toHaveLength(2);
  });

  it('revoking ends the link for good; a new link is then refused', async () => {
    const sent = await sendTestPacket(context, { practiceId, cookie: team.cookies.clinician });
    const path = `/practices/${practiceId}/packets/${sent.packetId}`;
    const params = { practiceId, packetId: sent.packetId };
    const revoke = () =>
      run(() =>
        packetPage.action({
          request: post(path, { intent: 'revoke' }, team.cookies.owner),
          params,
          context,
        }),
      );
    expect((await revoke()).data).toEqual({ ok: true, intent: 'revoke' });
    const row = await packetRow(sent.packetId);
    expect(row?.revokedAt).not.toBeNull();
    expect((await revoke()).status).toBe(409);
    const again = await run(() =>
      packetPage.action({
        request: post(path, { intent: 'resend' }, team.cookies.owner),
        params,
        context,
      }),
    );
    expect(again.status).toBe(409);
    const page = await run(() =>
      packetPage.loader({
        request: getRequest(path, { cookie: team.cookies.staff }),
        params,
        context,
      }),
    );
    expect(page.body).toContain('"status":"revoked"');
  });

  it('refuses an unknown intent', async () => {
    const sent = await sendTestPacket(context, { practiceId, cookie: team.cookies.clinician });
    const outcome = await run(() =>
      packetPage.action({
        request: post(
          `/practices/${practiceId}/packets/${sent.packetId}`,
          { intent: 'delete-all' },
          team.cookies.owner,
        ),
        params: { practiceId, packetId: sent.packetId },
        context,
      }),
    );
    expect(outcome.status).toBe(400);
  });
});

describe('retention setting', () => {
  it('owners set it; bad values are refused with a message', async () => {
    const save = (retentionDays: string) =>
      run(() =>
        packetList.action({
          request: post(`/practices/${practiceId}/packets`, { retentionDays }, team.cookies.owner),
          params: { practiceId },
          context,
        }),
      );
    expect((await save('90')).data).toEqual({ ok: true, retentionDays: 90 });
    const refused = await save('0');
    expect(refused.status).toBe(400);
    expect(
      (refused.data as { fieldErrors: Record<string, string> }).fieldErrors.retentionDays,
    ).toBe('Keep packets at least 1 day.');
    expect((await save('ten')).status).toBe(400);
    const list = await run(() =>
      packetList.loader({
        request: getRequest(`/practices/${practiceId}/packets`, { cookie: team.cookies.staff }),
        params: { practiceId },
        context,
      }),
    );
    expect((list.data as { retentionDays: number }).retentionDays).toBe(90);
  });
});
