import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { AppLoadContext } from '@remix-run/node';
import { eq } from 'drizzle-orm';
import express from 'express';
import { pino } from 'pino';
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
import { run } from '../app/test/requests';
import { createPracticeTeam } from '../app/test/team';
import { createApp } from './app';

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

type Handler = (args: {
  request: Request;
  params: Record<string, string>;
  context: AppLoadContext;
}) => unknown;
interface RouteModule {
  loader?: Handler;
  action?: Handler;
}

// The packet routes, most specific first.
const ROUTES: Array<{ pattern: RegExp; names: string[]; route: RouteModule }> = [
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
let server: Server;
let origin: string;
const lines: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database);
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const app = createApp({
    production: true,
    trustProxy: false,
    logger: pino({ level: 'trace' }, sink),
    handler: express.raw({ type: () => true, limit: '2mb' }),
  });
  app.use(async (req, res) => {
    const match = ROUTES.map(({ pattern, names, route }) => ({
      found: pattern.exec(req.path),
      names,
      route,
    })).find((candidate) => candidate.found);
    const handler = match && (req.method === 'POST' ? match.route.action : match.route.loader);
    if (!match?.found || !handler) {
      res.status(404).end();
      return;
    }
    const params = Object.fromEntries(
      match.names.map((name, index) => [name, match.found?.[index + 1] ?? '']),
    );
    const request = new Request(`${origin}${req.originalUrl}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: req.method === 'POST' ? new Uint8Array(req.body as Buffer) : undefined,
    });
    const outcome = await run(() => handler({ request, params, context }));
    res.status(outcome.status);
    outcome.headers.forEach((value, name) => {
      if (name !== 'content-length') res.setHeader(name, value);
    });
    res.end(outcome.body);
  });
  await new Promise<void>((resolve) => {
    server = app.listen(0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(() => resolve(undefined)));
  await database?.close();
});

function post(
  path: string,
  fields: Record<string, string | string[]>,
  headers: Record<string, string>,
) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  }
  return fetch(`${origin}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
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
