import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppLoadContext } from '@remix-run/node';
import { getDocument } from '@groundwork/content';
import { eq } from 'drizzle-orm';
import express from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../app/db/client.server';
import { practiceAuditLog, practices } from '../app/db/schema.server';
import { documentSignoffs } from '../app/db/signoffs-schema.server';
import * as review from '../app/routes/practices.$practiceId.documents.review.$documentId';
import * as settings from '../app/routes/practices.$practiceId.settings';
import { createTestContext, createTestDatabase } from '../app/test/db';
import { run } from '../app/test/requests';
import { createPracticeTeam } from '../app/test/team';
import { createApp } from './app';

/**
 * The sign-off and medical-director routes behind the real middleware stack
 * (origin check): a POST from another site is refused before it changes
 * anything (CSRF), and a same-origin one goes through.
 */

type Handler = (args: {
  request: Request;
  params: Record<string, string>;
  context: AppLoadContext;
}) => unknown;

const ROUTES: Array<{ pattern: RegExp; names: string[]; action: Handler }> = [
  {
    pattern: /^\/practices\/([^/]+)\/documents\/review\/([^/]+)$/,
    names: ['practiceId', 'documentId'],
    action: review.action as Handler,
  },
  {
    pattern: /^\/practices\/([^/]+)\/settings$/,
    names: ['practiceId'],
    action: settings.action as Handler,
  },
];

let database: Database;
let context: AppLoadContext;
let server: Server;
let origin: string;

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database);
  const app = createApp({
    production: true,
    trustProxy: false,
    logger: pino({ level: 'silent' }),
    handler: express.raw({ type: () => true, limit: '1mb' }),
  });
  app.use(async (req, res) => {
    const match = ROUTES.map((route) => ({ route, found: route.pattern.exec(req.path) })).find(
      (candidate) => candidate.found,
    );
    if (!match?.found || req.method !== 'POST') {
      res.status(404).end();
      return;
    }
    const params = Object.fromEntries(
      match.route.names.map((name, index) => [name, match.found?.[index + 1] ?? '']),
    );
    const request = new Request(`${origin}${req.originalUrl}`, {
      method: 'POST',
      headers: req.headers as Record<string, string>,
      body: new Uint8Array(req.body as Buffer),
    });
    const outcome = await run(() => match.route.action({ request, params, context }));
    res.status(outcome.status).end(outcome.body);
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

function post(path: string, fields: Record<string, string>, headers: Record<string, string>) {
  return fetch(`${origin}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields),
  });
}

describe('cross-site requests (CSRF)', () => {
  it('are refused on naming the medical director and on signing off, and change nothing', async () => {
    const { practice, cookies, userIds } = await createPracticeTeam(context, 'CSRF Sign-off');
    const document = getDocument('preparing-for-your-session', { locale: 'en' });
    const attempts: Array<[string, Record<string, string>, string]> = [
      [
        `/practices/${practice.id}/settings`,
        { intent: 'medical-director', medicalDirector: userIds.clinician },
        cookies.owner,
      ],
      [
        `/practices/${practice.id}/documents/review/${document.id}`,
        {
          signerName: 'Ana Ruiz',
          signerCredentials: 'MD',
          version: document.version,
          confirm: 'yes',
        },
        cookies.clinician,
      ],
    ];
    const forged: Array<Record<string, string>> = [
      { Origin: 'https://evil.example' },
      { Origin: origin, 'Sec-Fetch-Site': 'cross-site' },
      {},
    ];
    for (const [path, fields, cookie] of attempts) {
      for (const headers of forged) {
        const response = await post(path, fields, { ...headers, Cookie: cookie });
        expect(response.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
      }
    }
    const [row] = await database.db
      .select({ medicalDirectorId: practices.medicalDirectorId })
      .from(practices)
      .where(eq(practices.id, practice.id));
    expect(row?.medicalDirectorId).toBeNull();

    // The same requests from the portal's own pages go through.
    for (const [path, fields, cookie] of attempts) {
      const response = await post(path, fields, { Origin: origin, Cookie: cookie });
      expect(response.status, path).toBe(200);
    }
    expect(
      await database.db
        .select({ version: documentSignoffs.documentVersion })
        .from(documentSignoffs)
        .where(eq(documentSignoffs.practiceId, practice.id)),
    ).toEqual([{ version: document.version }]);
    const actions = (
      await database.db
        .select({ action: practiceAuditLog.action })
        .from(practiceAuditLog)
        .where(eq(practiceAuditLog.practiceId, practice.id))
    ).map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(['medical-director-changed', 'document-signed-off']),
    );
  });
});
