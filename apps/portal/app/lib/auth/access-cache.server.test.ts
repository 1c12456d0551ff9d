import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { AppLoadContext } from '@remix-run/node';
import { and, eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import type { Database } from '../../db/client.server';
import { memberships, sessions } from '../../db/schema.server';
import { createTestContext, createTestDatabase } from '../../test/db';
import { formRequest, getRequest, run } from '../../test/requests';
import { createPracticeTeam } from '../../test/team';
import { AccessCache } from './access-cache.server';
import { requirePracticeAccess } from './practice-access.server';
import { endAllSessions } from './session.server';
import type { SessionMembership } from './practice-access.server';

describe('AccessCache', () => {
  it('keeps a value until a write begins, and forgets again when the write ends', () => {
    const cache = new AccessCache<{ n: number }>();
    cache.set('a', { n: 1 }, cache.ticket());
    expect(cache.get('a')).toEqual({ n: 1 });

    const end = cache.beginWrite();
    expect(cache.get('a')).toBeUndefined();
    // Nothing is stored while a write is in flight.
    cache.set('a', { n: 2 }, cache.ticket());
    expect(cache.get('a')).toBeUndefined();

    // A check that started before the write must not put its old answer back.
    const staleTicket = 0;
    end();
    cache.set('a', { n: 3 }, staleTicket);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', { n: 4 }, cache.ticket());
    expect(cache.get('a')).toEqual({ n: 4 });

    // Ending twice is harmless and does not unbalance the count of writes.
    end();
    cache.set('b', { n: 5 }, cache.ticket());
    expect(cache.get('b')).toEqual({ n: 5 });
  });

  it('forgets an answer after its time to live', async () => {
    const cache = new AccessCache<{ n: number }>({ ttlMs: 20 });
    cache.set('a', { n: 1 }, cache.ticket());
    expect(cache.get('a')).toEqual({ n: 1 });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(cache.get('a')).toBeUndefined();
  });

  it('bounds the characters its keys hold, not only their number', () => {
    const cache = new AccessCache<{ n: number }>();
    const huge = 'x'.repeat(600_000);
    for (let n = 0; n < 10; n++) cache.set(`${n}${huge}`, { n }, cache.ticket());
    expect(cache.size).toBeLessThanOrEqual(4);
    expect(cache.get(`9${huge}`)).toEqual({ n: 9 });
  });

  it('holds at most maxEntries answers', () => {
    const cache = new AccessCache<{ n: number }>({ maxEntries: 3 });
    for (let n = 0; n < 10; n++) cache.set(`key-${n}`, { n }, cache.ticket());
    expect(cache.size).toBe(3);
    expect(cache.get('key-9')).toEqual({ n: 9 });
    expect(cache.get('key-0')).toBeUndefined();
  });

  it('rejects a bound that is not positive, naming it', () => {
    expect(() => new AccessCache({ ttlMs: 0 })).toThrow(/ttlMs/);
    expect(() => new AccessCache({ maxEntries: 1.5 })).toThrow(/maxEntries/);
  });
});

describe('requirePracticeAccess with an access cache', () => {
  let database: Database;
  let context: AppLoadContext;
  let cache: AccessCache<SessionMembership>;
  let team: Awaited<ReturnType<typeof createPracticeTeam>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    cache = new AccessCache<SessionMembership>();
    context = createTestContext(database, { accessCache: cache });
    team = await createPracticeTeam(context, 'Cached Access Clinic');
  }, 120_000);

  afterAll(async () => {
    await database?.close();
  });

  const path = () => `/practices/${team.practice.id}/documents/activity`;
  /** Changes the staff member's role in the database directly, as another process would. */
  const setStaffMemberRole = (role: 'staff' | 'clinician') =>
    database.db
      .update(memberships)
      .set({ role })
      .where(
        and(
          eq(memberships.practiceId, team.practice.id),
          eq(memberships.userId, team.userIds.staff),
        ),
      );
  const check = (request: Request, minRole: 'staff' | 'clinician' = 'staff') =>
    run(() =>
      requirePracticeAccess(
        { request, context, params: { practiceId: team.practice.id } },
        { minRole },
      ).then((access) => new Response(access.role)),
    );

  it('answers a repeated GET from memory, and a POST always from the database', async () => {
    cache.clear();
    const first = await check(getRequest(path(), { cookie: team.cookies.staff }));
    expect(first).toMatchObject({ status: 200, body: 'staff' });

    // Change the database behind the cache's back (no request of this process did it).
    await setStaffMemberRole('clinician');
    const remembered = await check(getRequest(path(), { cookie: team.cookies.staff }));
    expect(remembered.body).toBe('staff');
    const posted = await check(formRequest(path(), {}, { cookie: team.cookies.staff }));
    expect(posted.body).toBe('clinician');

    // A mutating request of this process (what server/app.ts does for every POST) clears it.
    cache.beginWrite()();
    const fresh = await check(getRequest(path(), { cookie: team.cookies.staff }));
    expect(fresh.body).toBe('clinician');

    await setStaffMemberRole('staff');
    cache.clear();
  });

  it('remembers a stranger as a stranger and never remembers a visitor without a session', async () => {
    cache.clear();
    for (let attempt = 0; attempt < 2; attempt++) {
      const stranger = await check(getRequest(path(), { cookie: team.cookies.outsider }));
      expect(stranger.status).toBe(404);
      const anonymous = await check(getRequest(path()));
      expect(anonymous.status).toBe(302);
      const forged = await check(getRequest(path(), { cookie: 'gw_session=forged.value' }));
      expect(forged.status).toBe(302);
    }
    // Only the outsider's live session (with no membership here) is held.
    expect(cache.size).toBe(1);
    expect(cache.get(`${team.practice.id}\u0000${team.cookies.outsider}`)?.membership).toBeNull();
  });

  it('does not serve a session past its expiry from memory', async () => {
    cache.clear();
    expect((await check(getRequest(path(), { cookie: team.cookies.clinician }))).status).toBe(200);
    const key = `${team.practice.id}\u0000${team.cookies.clinician}`;
    const held = cache.get(key);
    expect(held?.session.user.id).toBe(team.userIds.clinician);
    if (!held) throw new Error('expected the check to be remembered');
    // Pretend the remembered session expired a moment ago; the database then decides.
    cache.set(key, { ...held, expiresAt: Date.now() - 1 }, cache.ticket());
    await database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, held.session.sessionId));
    const expired = await check(getRequest(path(), { cookie: team.cookies.clinician }));
    expect(expired.status).toBe(302);
  });
  it('is cleared by log-out everywhere itself, not only by the request around it', async () => {
    cache.clear();
    expect((await check(getRequest(path(), { cookie: team.cookies.owner }))).status).toBe(200);
    expect(cache.size).toBe(1);
    await endAllSessions({ request: getRequest('/account'), context }, team.userIds.owner);
    expect(cache.size).toBe(0);
    expect((await check(getRequest(path(), { cookie: team.cookies.owner }))).status).toBe(302);
  });
});

describe('server/app.ts and the access cache', () => {
  let server: Server;
  let url: string;
  const cache = new AccessCache<{ n: number }>();
  let release: (() => void) | undefined;

  beforeAll(async () => {
    const app = createApp({
      production: true,
      trustProxy: false,
      logger: pino({ level: 'silent' }),
      accessCache: cache,
      handler: (req, res) => {
        if (req.path === '/slow-write') {
          // Hold the response open to look at the cache mid-write.
          release = () => res.status(204).end();
          return;
        }
        res.status(200).type('text/plain').send(`handled ${req.method}`);
      },
    });
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('keeps remembered checks across GETs and clears them on a POST', async () => {
    cache.set('a', { n: 1 }, cache.ticket());
    expect((await fetch(`${url}/page`)).status).toBe(200);
    expect(cache.get('a')).toEqual({ n: 1 });
    const posted = await fetch(`${url}/page`, {
      method: 'POST',
      headers: { Origin: url, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'x=1',
    });
    expect(posted.status).toBe(200);
    expect(cache.get('a')).toBeUndefined();
  });

  it('stores nothing while a mutating request is still running; a refused one changes nothing', async () => {
    const pending = fetch(`${url}/slow-write`, {
      method: 'DELETE',
      headers: { Origin: url },
    });
    await expect.poll(() => release !== undefined).toBe(true);
    cache.set('b', { n: 2 }, cache.ticket());
    expect(cache.get('b')).toBeUndefined();
    release?.();
    expect((await pending).status).toBe(204);
    cache.set('b', { n: 3 }, cache.ticket());
    expect(cache.get('b')).toEqual({ n: 3 });

    // A cross-site POST is refused by the origin check before it can change
    // anything, so it leaves the cache alone.
    const refused = await fetch(`${url}/page`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example' },
    });
    expect(refused.status).toBe(403);
    expect(cache.get('b')).toEqual({ n: 3 });
  });
});
