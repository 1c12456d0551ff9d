import type { AppLoadContext } from '@remix-run/node';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../app/db/client.server';
import { memberships, practiceAuditLog } from '../app/db/schema.server';
import { packetSettings } from '../app/db/packets-schema.server';
import * as members from '../app/routes/practices.$practiceId.members';
import * as seal from '../app/routes/practices.$practiceId.packets.seal';
import { testCertificate, testPkcs12, testRsaKey } from '../app/test/certificates';
import { createTestContext, createTestDatabase } from '../app/test/db';
import { type HttpRoute, type RouteServer, startRouteServer } from '../app/test/route-server';
import { createPracticeTeam } from '../app/test/team';

/**
 * Giving staff the right to see patient details and uploading the practice's
 * sealing certificate, behind the real middleware stack (origin check): a
 * POST from another site is refused before it changes anything (CSRF), and a
 * same-origin one goes through.
 */

const ROUTES: HttpRoute[] = [
  {
    pattern: /^\/practices\/([^/]+)\/members$/,
    names: ['practiceId'],
    route: members,
  },
  {
    pattern: /^\/practices\/([^/]+)\/packets\/seal$/,
    names: ['practiceId'],
    route: seal,
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

/** Forged cross-site variants of a request's headers: another Origin, a cross-site fetch, none. */
function forgedHeaders(): Array<Record<string, string>> {
  return [
    { Origin: 'https://evil.example' },
    { Origin: origin, 'Sec-Fetch-Site': 'cross-site' },
    {},
  ];
}

describe('cross-site requests (CSRF)', () => {
  it('cannot give staff the right to see patient details', async () => {
    const { practice, cookies, userIds } = await createPracticeTeam(context, 'CSRF Rights');
    const path = `/practices/${practice.id}/members`;
    const body = () =>
      new URLSearchParams({ intent: 'patient-details', userId: userIds.staff, grant: 'yes' });
    const right = async () =>
      (
        await database.db
          .select({ right: memberships.maySeePatientDetails })
          .from(memberships)
          .where(
            and(eq(memberships.practiceId, practice.id), eq(memberships.userId, userIds.staff)),
          )
      )[0]?.right;
    for (const headers of forgedHeaders()) {
      const response = await fetch(`${origin}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          ...headers,
          Cookie: cookies.owner,
        },
        body: body(),
      });
      expect(response.status, JSON.stringify(headers)).toBe(403);
    }
    expect(await right()).toBe(false);

    const sameSite = await fetch(`${origin}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: origin,
        Cookie: cookies.owner,
      },
      body: body(),
    });
    expect(sameSite.status).toBe(200);
    expect(await right()).toBe(true);
    const actions = (
      await database.db
        .select({ action: practiceAuditLog.action })
        .from(practiceAuditLog)
        .where(eq(practiceAuditLog.practiceId, practice.id))
    ).map((entry) => entry.action);
    expect(actions).toContain('patient-details-granted');
  });

  it('cannot upload a sealing certificate or go back to the generated one', async () => {
    const { practice, cookies } = await createPracticeTeam(context, 'CSRF Seal');
    const path = `/practices/${practice.id}/packets/seal`;
    const key = testRsaKey();
    const file = testPkcs12({
      keys: [key],
      certificates: [testCertificate({ key, commonName: 'Forged Seal' })],
      passphrase: 'forged',
    });
    const uploadBody = () => {
      const body = new FormData();
      body.append('intent', 'upload');
      body.append('certificate', new File([new Uint8Array(file)], 'seal.p12'));
      body.append('passphrase', 'forged');
      return body;
    };
    const ownSeal = async () =>
      (
        await database.db
          .select({ sha256: packetSettings.ownSealCertificateSha256 })
          .from(packetSettings)
          .where(eq(packetSettings.practiceId, practice.id))
      )[0]?.sha256 ?? null;
    for (const headers of forgedHeaders()) {
      const response = await fetch(`${origin}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { ...headers, Cookie: cookies.owner },
        body: uploadBody(),
      });
      expect(response.status, JSON.stringify(headers)).toBe(403);
    }
    expect(await ownSeal()).toBeNull();

    const uploaded = await fetch(`${origin}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: origin, Cookie: cookies.owner },
      body: uploadBody(),
    });
    expect(uploaded.status).toBe(200);
    expect(await ownSeal()).toMatch(/^[0-9a-f]{64}$/);

    for (const headers of forgedHeaders()) {
      const response = await fetch(`${origin}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          ...headers,
          Cookie: cookies.owner,
        },
        body: new URLSearchParams({ intent: 'revert' }),
      });
      expect(response.status, JSON.stringify(headers)).toBe(403);
    }
    expect(await ownSeal()).toMatch(/^[0-9a-f]{64}$/);
  });
});
