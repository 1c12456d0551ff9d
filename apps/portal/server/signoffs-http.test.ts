import type { AppLoadContext } from '@remix-run/node';
import { getDocument } from '@groundwork/content';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../app/db/client.server';
import { practiceAuditLog, practices } from '../app/db/schema.server';
import { documentSignoffs } from '../app/db/signoffs-schema.server';
import * as review from '../app/routes/practices.$practiceId.documents.review.$documentId';
import * as settings from '../app/routes/practices.$practiceId.settings';
import { createTestContext, createTestDatabase } from '../app/test/db';
import { type HttpRoute, type RouteServer, startRouteServer } from '../app/test/route-server';
import { createPracticeTeam } from '../app/test/team';

/**
 * The sign-off and medical-director routes behind the real middleware stack
 * (origin check): a POST from another site is refused before it changes
 * anything (CSRF), and a same-origin one goes through.
 */

const ROUTES: HttpRoute[] = [
  {
    pattern: /^\/practices\/([^/]+)\/documents\/review\/([^/]+)$/,
    names: ['practiceId', 'documentId'],
    route: review,
  },
  {
    pattern: /^\/practices\/([^/]+)\/settings$/,
    names: ['practiceId'],
    route: settings,
  },
];

let database: Database;
let context: AppLoadContext;
let server: RouteServer;
let origin: string;

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database);
  server = await startRouteServer({ context, routes: ROUTES });
  origin = server.origin;
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
