import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppLoadContext } from '@remix-run/node';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../app/db/client.server';
import { flushActivity } from '../app/lib/documents/activity.server';
import { loader as handoutLoader } from '../app/routes/practices.$practiceId.documents.handout';
import { createTestContext, createTestDatabase } from '../app/test/db';
import { createPracticeTeam } from '../app/test/team';
import { createApp } from './app';
import { directLoader } from './direct-loader';

/**
 * The handout download served by directLoader behind the real middleware
 * stack, as server.ts mounts it in production: same sign-in, membership and
 * role checks as through Remix, and other methods fall through to Remix.
 */

let database: Database;
let context: AppLoadContext;
let server: Server;
let url: string;
let team: Awaited<ReturnType<typeof createPracticeTeam>>;
const fallThrough: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database);
  team = await createPracticeTeam(context, 'Direct Route Clinic');
  const app = createApp({
    production: true,
    trustProxy: false,
    logger: pino({ level: 'silent' }),
    mountDirect: (express) => {
      express.get(
        '/practices/:practiceId/documents/handout',
        directLoader({ loader: handoutLoader, getLoadContext: () => context }),
      );
    },
    handler: (req, res) => {
      fallThrough.push(`${req.method} ${req.path}`);
      res.status(418).end();
    },
  });
  await new Promise<void>((resolve) => {
    server = app.listen(0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(() => resolve(undefined)));
  await flushActivity(context.db);
  await database?.close();
});

const handout = (practiceId: string) =>
  `${url}/practices/${practiceId}/documents/handout?document=preparing-for-your-session&locale=en&paper=LETTER`;

describe('handout download without Remix routing', () => {
  it('serves staff the PDF with a strong ETag, then 304 for that ETag', async () => {
    const first = await fetch(handout(team.practice.id), {
      headers: { Cookie: team.cookies.staff },
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await first.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect(Number(first.headers.get('content-length'))).toBe(bytes.byteLength);
    // Security headers from the middleware stack still apply.
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"sha256-/);

    const again = await fetch(handout(team.practice.id), {
      headers: { Cookie: team.cookies.staff, 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('answers 404 to a member of another practice and redirects a visitor to sign in', async () => {
    const outsider = await fetch(handout(team.practice.id), {
      headers: { Cookie: team.cookies.outsider },
    });
    expect(outsider.status).toBe(404);
    const visitor = await fetch(handout(team.practice.id), { redirect: 'manual' });
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get('location')).toBe(
      `/login?redirectTo=${encodeURIComponent(`/practices/${team.practice.id}/documents/handout`)}`,
    );
  });

  it('refuses a bad query with a message naming the field, and leaves other methods to Remix', async () => {
    const bad = await fetch(`${handout(team.practice.id)}&locale=fr`.replace('locale=en&', ''), {
      headers: { Cookie: team.cookies.staff },
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('locale');
    const head = await fetch(handout(team.practice.id), {
      method: 'HEAD',
      headers: { Cookie: team.cookies.staff },
    });
    expect(head.status).toBe(418);
    expect(fallThrough).toContain(`HEAD /practices/${team.practice.id}/documents/handout`);
  });
});
