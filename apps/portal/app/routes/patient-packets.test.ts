import type { AppLoadContext } from '@remix-run/node';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { packetDocuments, packetEvents, patientPackets } from '../db/packets-schema.server';
import { pdfText } from '../lib/documents/page-image.server';
import { packetDocumentContent } from '../lib/packets/packet-documents.server';
import { acknowledgementIds } from '../lib/packets/signing-form.server';
import { sendTestPacket } from '../test/packets';
import { cookieFrom, formRequest, getRequest, run } from '../test/requests';
import { type PracticeTeam, withPracticeTeam } from '../test/team';
import * as packetPage from './practices.$practiceId.packets.$packetId';
import * as documentPage from './p.$token.documents.$position';
import * as download from './p.$token.download';
import * as landing from './p.$token._index';

let context: AppLoadContext;
let team: PracticeTeam;
let practiceId: string;

withPracticeTeam('Patient Side Clinic', (fixture) => {
  ({ context, team, practiceId } = fixture);
});

const ACKNOWLEDGEMENTS = acknowledgementIds(
  packetDocumentContent({
    kind: 'consent',
    documentId: 'informed-consent',
    locale: 'en',
    routes: ['iv'],
  }),
);

function open(token: string, cookie?: string) {
  return run(() =>
    landing.loader({ request: getRequest(`/p/${token}`, { cookie }), params: { token }, context }),
  );
}

function typeBirthDate(token: string, birthDate: string) {
  return run(() =>
    landing.action({
      request: formRequest(`/p/${token}`, { birthDate }),
      params: { token },
      context,
    }),
  );
}

async function signIn(token: string, birthDate = '1984-02-29') {
  const outcome = await typeBirthDate(token, birthDate);
  expect(outcome.status).toBe(302);
  return cookieFrom(outcome.headers.get('Set-Cookie'));
}

function view(token: string, position: number, cookie?: string) {
  return run(() =>
    documentPage.loader({
      request: getRequest(`/p/${token}/documents/${position}`, { cookie }),
      params: { token, position: String(position) },
      context,
    }),
  );
}

async function consentHash(packetId: string) {
  const rows = await context.db
    .select()
    .from(packetDocuments)
    .where(eq(packetDocuments.packetId, packetId));
  return rows.find((row) => row.kind === 'consent')?.contentSha256 ?? '';
}

async function signingFields(packetId: string, overrides: Record<string, string> = {}) {
  const fields: Record<string, string> = {
    contentSha256: await consentHash(packetId),
    agreeElectronic: 'yes',
    signerName: 'Ottoline Brackenbury',
    signatureMethod: 'typed',
    signatureImage: '',
  };
  for (const id of ACKNOWLEDGEMENTS) fields[`initials.${id}`] = 'OB';
  return { ...fields, ...overrides };
}

function sign(token: string, cookie: string, fields: Record<string, string>, position = 1) {
  return run(() =>
    documentPage.action({
      request: formRequest(`/p/${token}/documents/${position}`, fields, { cookie }),
      params: { token, position: String(position) },
      context,
    }),
  );
}

async function eventTypes(packetId: string) {
  return (
    await context.db.select().from(packetEvents).where(eq(packetEvents.packetId, packetId))
  ).map((event) => event.type);
}

async function packetRow(packetId: string) {
  const [row] = await context.db
    .select()
    .from(patientPackets)
    .where(eq(patientPackets.id, packetId));
  if (!row) throw new Error('no packet');
  return row;
}

describe('opening a link', () => {
  it('refuses a link that does not exist, or is not even shaped like one', async () => {
    for (const token of ['A'.repeat(43), 'nope', '../../etc']) {
      const outcome = await open(token);
      expect(outcome.status).toBe(404);
      expect(outcome.data).toMatchObject({ state: 'refused', reason: 'unknown' });
    }
  });

  it('asks for the date of birth first, shows nothing else, and logs the opening', async () => {
    const sent = await sendTestPacket(context, { practiceId, cookie: team.cookies.clinician });
    const outcome = await open(sent.token);
    expect(outcome.status).toBe(200);
    expect(outcome.data).toMatchObject({ state: 'birth-date', locale: 'en' });
    expect(outcome.body).not.toContain('Ottoline');
    expect(outcome.body).not.toContain('informed-consent');
    expect(outcome.headers.get('Cache-Control')).toBe('no-store');
    expect(outcome.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(await eventTypes(sent.packetId)).toContain('opened');
    // A document page before the date of birth goes back to the check.
    const early = await view(sent.token, 0);
    expect(early.status).toBe(302);
    expect(early.headers.get('Location')).toBe(`/p/${sent.token}`);
  });

  it('locks after five wrong dates of birth, until the practice makes a new link', async () => {
    const sent = await sendTestPacket(context, { practiceId, cookie: team.cookies.clinician });
    for (let remaining = 4; remaining >= 1; remaining -= 1) {
      const wrong = await typeBirthDate(sent.token, '1984-03-01');
      expect(wrong.status).toBe(400);
      expect((wrong.data as { error: string }).error).toContain(
        `${remaining} ${remaining === 1 ? 'try' : 'tries'} left`,
      );
    }
    const fifth = await typeBirthDate(sent.token, '1984-03-01');
    expect(fifth.status).toBe(302);
    // Locked: even the right date no longer opens it.
    expect((await typeBirthDate(sent.token, '1984-02-29')).headers.get('Set-Cookie')).toBeNull();
    const locked = await open(sent.token);
    expect(locked.status).toBe(410);
    expect(locked.data).toMatchObject({ reason: 'locked' });
    expect(
      (await eventTypes(sent.packetId)).filter((type) => type === 'birth-date-refused'),
    ).toHaveLength(5);

    const issued = await run(() =>
      packetPage.action({
        request: formRequest(
          `/practices/${practiceId}/packets/${sent.packetId}`,
          { intent: 'new-link' },
          { cookie: team.cookies.clinician },
        ),
        params: { practiceId, packetId: sent.packetId },
        context,
      }),
    );
    const token = String((issued.data as { link: string }).link).split('/p/')[1] ?? '';
    expect((await open(sent.token)).data).toMatchObject({ reason: 'unknown' });
    await signIn(token);
  });

  it('refuses an invalid date without counting it, and an expired or revoked link', async () => {
    const sent = await sendTestPacket(context, { practiceId, cookie: team.cookies.clinician });
    expect((await typeBirthDate(sent.token, 'yesterday')).status).toBe(400);
    expect((await packetRow(sent.packetId)).birthDateFailures).toBe(0);

    await context.db
      .update(patientPackets)
      .set({ tokenExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(patientPackets.id, sent.packetId));
    expect((await open(sent.token)).data).toMatchObject({ state: 'refused', reason: 'expired' });
    expect((await typeBirthDate(sent.token, '1984-02-29')).headers.get('Set-Cookie')).toBeNull();

    const other = await sendTestPacket(context, { practiceId, cookie: team.cookies.clinician });
    const cookie = await signIn(other.token);
    await run(() =>
      packetPage.action({
        request: formRequest(
          `/practices/${practiceId}/packets/${other.packetId}`,
          { intent: 'revoke' },
          { cookie: team.cookies.clinician },
        ),
        params: { practiceId, packetId: other.packetId },
        context,
      }),
    );
    expect((await open(other.token, cookie)).data).toMatchObject({ reason: 'revoked' });
    expect((await view(other.token, 0, cookie)).status).toBe(302);
  });
});

describe('one patient’s session', () => {
  it('opens only the packet it was confirmed for', async () => {
    const mine = await sendTestPacket(context, { practiceId, cookie: team.cookies.clinician });
    const theirs = await sendTestPacket(context, { practiceId, cookie: team.cookies.clinician });
    const cookie = await signIn(mine.token);
    expect((await open(theirs.token, cookie)).data).toMatchObject({ state: 'birth-date' });
    expect((await view(theirs.token, 0, cookie)).status).toBe(302);
    const forged = await sign(theirs.token, cookie, await signingFields(theirs.packetId));
    expect(forged.status).toBe(302);
    expect(forged.headers.get('Location')).toBe(`/p/${theirs.token}`);
    expect(await eventTypes(theirs.packetId)).not.toContain('signed');
  });
});

describe('reading and signing', () => {
  it('shows the documents after the date of birth, logs each view, and a new link ends the session', async () => {
    const sent = await sendTestPacket(context, { practiceId, cookie: team.cookies.clinician });
    const cookie = await signIn(sent.token);
    const list = await open(sent.token, cookie);
    expect(list.data).toMatchObject({ state: 'documents', completed: false, canDownload: false });
    const handout = await view(sent.token, 0, cookie);
    expect(handout.status).toBe(200);
    expect(handout.data).toMatchObject({ kind: 'handout', canSign: false, nextPosition: 1 });
    expect(handout.body).toContain('Patient Side Clinic');
    const consent = await view(sent.token, 1, cookie);
    expect(consent.data).toMatchObject({ kind: 'consent', canSign: true, unchanged: true });
    const rows = await context.db
      .select()
      .from(packetDocuments)
      .where(eq(packetDocuments.packetId, sent.packetId));
    expect(rows.every((row) => row.openedAt)).toBe(true);
    expect((await eventTypes(sent.packetId)).filter((type) => type === 'viewed')).toHaveLength(2);

    await run(() =>
      packetPage.action({
        request: formRequest(
          `/practices/${practiceId}/packets/${sent.packetId}`,
          { intent: 'new-link' },
          { cookie: team.cookies.clinician },
        ),
        params: { practiceId, packetId: sent.packetId },
        context,
      }),
    );
    expect((await view(sent.token, 0, cookie)).status).toBe(302);
  });

  it.each([
    [
      'missing initials',
      { [`initials.${ACKNOWLEDGEMENTS[2]}`]: '' },
      `initials.${ACKNOWLEDGEMENTS[2]}`,
      400,
    ],
    [
      'initials that are not letters',
      { [`initials.${ACKNOWLEDGEMENTS[0]}`]: '<b>' },
      `initials.${ACKNOWLEDGEMENTS[0]}`,
      400,
    ],
    ['no agreement to sign electronically', { agreeElectronic: '' }, 'agreeElectronic', 400],
    ['no name', { signerName: ' ' }, 'signerName', 400],
    ['an empty drawing', { signatureMethod: 'drawn', signatureImage: '' }, 'signatureImage', 400],
    [
      'a drawing that is not a PNG',
      { signatureMethod: 'drawn', signatureImage: 'data:image/png;base64,AAAA' },
      'signatureImage',
      400,
    ],
    ['initials for a section the form does not have', { 'initials.made-up.1': 'OB' }, 'form', 400],
  ])('refuses a form with %s, storing nothing', async (_case, change, fieldName, status) => {
    const sent = await sendTestPacket(context, { practiceId, cookie: team.cookies.clinician });
    const cookie = await signIn(sent.token);
    const outcome = await sign(sent.token, cookie, await signingFields(sent.packetId, change));
    expect(outcome.status).toBe(status);
    expect(
      Object.keys((outcome.data as { fieldErrors: Record<string, string> }).fieldErrors),
    ).toContain(fieldName);
    expect(await eventTypes(sent.packetId)).not.toContain('signed');
  });

  it('refuses a tampered form whose document hash does not match what was sent', async () => {
    const sent = await sendTestPacket(context, { practiceId, cookie: team.cookies.clinician });
    const cookie = await signIn(sent.token);
    const outcome = await sign(
      sent.token,
      cookie,
      await signingFields(sent.packetId, { contentSha256: 'f'.repeat(64) }),
    );
    expect(outcome.status).toBe(409);
    expect(await eventTypes(sent.packetId)).not.toContain('signed');
  });

  it('signs with a drawn signature, completes the packet, and lets the patient download what they signed', async () => {
    const sent = await sendTestPacket(context, { practiceId, cookie: team.cookies.clinician });
    const cookie = await signIn(sent.token);
    await view(sent.token, 0, cookie);
    const png = await sharp({
      create: { width: 300, height: 100, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .composite([
        {
          input: Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><path d="M10 80 L290 20" stroke="#000" stroke-width="6"/></svg>',
          ),
        },
      ])
      .png()
      .toBuffer();
    const signed = await sign(
      sent.token,
      cookie,
      await signingFields(sent.packetId, {
        signatureMethod: 'drawn',
        signatureImage: `data:image/png;base64,${png.toString('base64')}`,
        signerName: sent.patient.patientName,
      }),
    );
    expect(signed.status).toBe(302);
    const events = await eventTypes(sent.packetId);
    expect(events).toEqual(expect.arrayContaining(['initialled', 'electronic-consent', 'signed']));
    expect((await packetRow(sent.packetId)).completedAt).not.toBeNull();

    // Single use: signing again is refused; a fresh browser cannot open the link any more.
    expect((await sign(sent.token, cookie, await signingFields(sent.packetId))).status).toBe(409);
    expect((await open(sent.token)).data).toMatchObject({ state: 'refused', reason: 'completed' });
    expect((await typeBirthDate(sent.token, '1984-02-29')).headers.get('Set-Cookie')).toBeNull();

    const list = await open(sent.token, cookie);
    expect(list.data).toMatchObject({ state: 'documents', completed: true, canDownload: true });
    const pdf = await download.loader({
      request: getRequest(`/p/${sent.token}/download`, { cookie }),
      params: { token: sent.token },
      context,
    });
    expect(pdf.headers.get('Content-Type')).toBe('application/pdf');
    expect(pdf.headers.get('Cache-Control')).toBe('no-store');
    const { text } = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain(sent.patient.patientName);
    expect(text).toContain('OB');
    expect(text).toContain('Signature certificate');
    expect(text).toContain('203.0.113.7');
    expect(await eventTypes(sent.packetId)).toContain('downloaded');
  }, 60_000);

  it('signs with the typed name alone (the keyboard way) and speaks Spanish to a Spanish packet', async () => {
    const sent = await sendTestPacket(context, {
      practiceId,
      cookie: team.cookies.clinician,
      fields: { locale: 'es', handouts: [] as unknown as string },
    });
    const landingPage = await open(sent.token);
    expect(landingPage.data).toMatchObject({ state: 'birth-date', locale: 'es' });
    const wrong = await typeBirthDate(sent.token, '1990-01-01');
    expect((wrong.data as { error: string }).error).toContain('no coincide');
    const cookie = await signIn(sent.token);
    const consent = await view(sent.token, 0, cookie);
    expect((consent.data as { content: { title: string } }).content.title).toMatch(
      /Consentimiento/,
    );
    const esAcks = acknowledgementIds(
      packetDocumentContent({
        kind: 'consent',
        documentId: 'informed-consent',
        locale: 'es',
        routes: ['iv'],
      }),
    );
    const fields = await signingFields(sent.packetId);
    for (const id of esAcks) fields[`initials.${id}`] = 'ÓB';
    const signed = await sign(sent.token, cookie, fields, 0);
    expect(signed.status).toBe(302);
    expect((await packetRow(sent.packetId)).completedAt).not.toBeNull();
  });
});
