import type { AppLoadContext } from '@remix-run/node';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../app/db/client.server';
import { packetDocuments, packetEvents, patientPackets } from '../app/db/packets-schema.server';
import { packetDocumentContent } from '../app/lib/packets/packet-documents.server';
import { acknowledgementIds } from '../app/lib/packets/signing-form.server';
import * as documentPage from '../app/routes/p.$token.documents.$position';
import * as download from '../app/routes/p.$token.download';
import * as landing from '../app/routes/p.$token._index';
import * as packetPage from '../app/routes/practices.$practiceId.packets.$packetId';
import * as packetPdf from '../app/routes/practices.$practiceId.packets.$packetId.pdf';
import * as packetList from '../app/routes/practices.$practiceId.packets._index';
import * as newPacket from '../app/routes/practices.$practiceId.packets.new';
import { createTestContext, createTestDatabase } from '../app/test/db';
import { type HttpRoute, type RouteServer, startRouteServer } from '../app/test/route-server';
import { createPracticeTeam } from '../app/test/team';

/**
 * Every packet route behind the real middleware stack (request logger at
 * trace level, headers, origin check): a whole packet's life over HTTP leaves
 * nothing about the patient in the log, and every POST from another site is
 * refused before it changes anything (CSRF).
 */

const PATIENT = {
  patientName: 'Hyacinth Quillfeather-Mbeki',
  patientEmail: 'hyacinth.quillfeather@example.org',
  patientBirthDate: '1977-08-19',
};

// The packet routes, most specific first.
const ROUTES: HttpRoute[] = [
  { pattern: /^\/practices\/([^/]+)\/packets\/new$/, names: ['practiceId'], route: newPacket },
  {
    pattern: /^\/practices\/([^/]+)\/packets\/([^/]+)\/pdf$/,
    names: ['practiceId', 'packetId'],
    route: packetPdf,
  },
  {
    pattern: /^\/practices\/([^/]+)\/packets\/([^/]+)$/,
    names: ['practiceId', 'packetId'],
    route: packetPage,
  },
  { pattern: /^\/practices\/([^/]+)\/packets$/, names: ['practiceId'], route: packetList },
  {
    pattern: /^\/p\/([^/]+)\/documents\/([^/]+)$/,
    names: ['token', 'position'],
    route: documentPage,
  },
  { pattern: /^\/p\/([^/]+)\/download$/, names: ['token'], route: download },
  { pattern: /^\/p\/([^/]+)$/, names: ['token'], route: landing },
];

let database: Database;
let context: AppLoadContext;
let server: RouteServer;
let origin: string;
let lines: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database);
  server = await startRouteServer({ context, routes: ROUTES, logLevel: 'trace' });
  origin = server.origin;
  lines = server.lines;
}, 60_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

function post(
  path: string,
  fields: Record<string, string | string[]>,
  headers: Record<string, string>,
) {
  return server.postForm(path, fields, headers);
}

const cookieOf = (response: Response) =>
  (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

describe('a packet over HTTP', () => {
  it('goes from sending to sealing with nothing about the patient in any log line', async () => {
    const { practice, cookies } = await createPracticeTeam(context, 'HTTP Packet Clinic');
    const same = { Origin: origin };
    const sent = await post(
      `/practices/${practice.id}/packets/new`,
      {
        ...PATIENT,
        locale: 'en',
        handouts: 'preparing-for-your-session',
        consent: 'yes',
        routes: 'iv',
      },
      { ...same, Cookie: cookies.clinician },
    );
    expect(sent.status).toBe(200);
    const link = String((JSON.parse(await sent.text()) as { link: string }).link);
    const token = link.split('/p/')[1] ?? '';
    const packetId =
      (
        await context.db
          .select()
          .from(patientPackets)
          .where(eq(patientPackets.practiceId, practice.id))
      )[0]?.id ?? '';

    expect((await fetch(`${origin}/p/${token}`)).status).toBe(200);
    expect((await post(`/p/${token}`, { birthDate: '1977-08-20' }, same)).status).toBe(400);
    const confirmed = await post(`/p/${token}`, { birthDate: PATIENT.patientBirthDate }, same);
    expect(confirmed.status).toBe(302);
    const patient = cookieOf(confirmed);
    expect(
      (await fetch(`${origin}/p/${token}/documents/0`, { headers: { Cookie: patient } })).status,
    ).toBe(200);
    const [, consent] = await context.db
      .select()
      .from(packetDocuments)
      .where(eq(packetDocuments.packetId, packetId))
      .orderBy(packetDocuments.position);
    const fields: Record<string, string> = {
      contentSha256: consent?.contentSha256 ?? '',
      agreeElectronic: 'yes',
      signerName: PATIENT.patientName,
      signatureMethod: 'typed',
    };
    for (const id of acknowledgementIds(
      packetDocumentContent({
        kind: 'consent',
        documentId: 'informed-consent',
        locale: 'en',
        routes: ['iv'],
      }),
    )) {
      fields[`initials.${id}`] = 'HQ';
    }
    expect(
      (await post(`/p/${token}/documents/1`, fields, { ...same, Cookie: patient })).status,
    ).toBe(302);
    expect(
      (await fetch(`${origin}/p/${token}/download`, { headers: { Cookie: patient } })).status,
    ).toBe(200);
    const countersigned = await post(
      `/practices/${practice.id}/packets/${packetId}`,
      {
        intent: 'countersign',
        agreeElectronic: 'yes',
        signerName: 'Dr Lucan Farrow',
        signatureMethod: 'typed',
      },
      { ...same, Cookie: cookies.clinician },
    );
    expect(countersigned.status).toBe(200);
    expect(
      (
        await fetch(`${origin}/practices/${practice.id}/packets/${packetId}/pdf`, {
          headers: { Cookie: cookies.owner },
        })
      ).status,
    ).toBe(200);
    expect(
      (await context.db.select().from(patientPackets).where(eq(patientPackets.id, packetId)))[0]
        ?.sealedAt,
    ).not.toBeNull();

    // The requests were logged (paths only), so the checks below are not vacuous.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const log = lines.join('\n');
    expect(log).toContain('/p/:token/documents/1');
    expect(log).toContain('/packets/new');
    for (const secret of [
      'Hyacinth',
      'Quillfeather',
      'hyacinth.quillfeather',
      '1977-08-19',
      '1977-08-20',
      token,
      'Lucan',
    ]) {
      expect(log, secret).not.toContain(secret);
    }
  }, 90_000);
});

describe('cross-site requests (CSRF)', () => {
  it('are refused on every packet route that changes something, and change nothing', async () => {
    const { practice, cookies } = await createPracticeTeam(context, 'CSRF Packet Clinic');
    const sent = await post(
      `/practices/${practice.id}/packets/new`,
      { ...PATIENT, locale: 'en', handouts: [], consent: 'yes', routes: 'iv' },
      { Origin: origin, Cookie: cookies.clinician },
    );
    const token =
      String((JSON.parse(await sent.text()) as { link: string }).link).split('/p/')[1] ?? '';
    const [packet] = await context.db
      .select()
      .from(patientPackets)
      .where(eq(patientPackets.practiceId, practice.id));
    const packetId = packet?.id ?? '';
    const eventsBefore = (
      await context.db.select().from(packetEvents).where(eq(packetEvents.packetId, packetId))
    ).length;

    const attempts: Array<[string, Record<string, string>, string]> = [
      [`/practices/${practice.id}/packets`, { retentionDays: '1' }, cookies.owner],
      [
        `/practices/${practice.id}/packets/new`,
        { ...PATIENT, consent: 'yes', routes: 'iv' },
        cookies.clinician,
      ],
      [`/practices/${practice.id}/packets/${packetId}`, { intent: 'revoke' }, cookies.clinician],
      [`/practices/${practice.id}/packets/${packetId}`, { intent: 'resend' }, cookies.clinician],
      [`/p/${token}`, { birthDate: PATIENT.patientBirthDate }, ''],
      [`/p/${token}/documents/0`, { agreeElectronic: 'yes' }, ''],
    ];
    for (const [path, fields, cookie] of attempts) {
      const forged: Array<Record<string, string>> = [
        { Origin: 'https://evil.example' },
        { Origin: origin, 'Sec-Fetch-Site': 'cross-site' },
        {},
      ];
      for (const headers of forged) {
        const response = await post(path, fields, {
          ...headers,
          ...(cookie ? { Cookie: cookie } : {}),
        });
        expect(response.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
        expect(response.headers.get('set-cookie')).toBeNull();
      }
    }
    const [after] = await context.db
      .select()
      .from(patientPackets)
      .where(eq(patientPackets.id, packetId));
    expect(after?.revokedAt).toBeNull();
    expect(after?.tokenHash).toBe(packet?.tokenHash);
    expect(after?.retainUntil.getTime()).toBe(packet?.retainUntil.getTime());
    expect(
      await context.db
        .select()
        .from(patientPackets)
        .where(eq(patientPackets.practiceId, practice.id)),
    ).toHaveLength(1);
    expect(
      (await context.db.select().from(packetEvents).where(eq(packetEvents.packetId, packetId)))
        .length,
    ).toBe(eventsBefore);
  }, 60_000);
});
