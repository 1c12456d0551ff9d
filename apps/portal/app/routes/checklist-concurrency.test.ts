import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistItemEvents, checklistItems } from '../db/checklist-schema.server';
import type { Database } from '../db/client.server';
import { memberships } from '../db/schema.server';
import { createPractice } from '../lib/practices/practices.server';
import { createUser } from '../lib/auth/users.server';
import { createTestDatabase } from '../test/db';
import { logInOverHttp, startTestServer } from '../test/http-server';
import type { TestServer } from '../test/http-server';
import { TEST_PROFILE } from '../test/requests';

/**
 * Two members hammer the same checklist item through the real HTTP server
 * (Express, origin check, session cookies, Remix). Every write either lands
 * (200, in history, version +1) or is refused with 409; nothing is lost and
 * nothing fails with a 5xx.
 */

const PORT = Number(process.env.CHECKLIST_HTTP_TEST_PORT ?? 3402);
const PASSWORD = 'correct horse battery staple';
const ITEM = 'npi-numbers';

let database: Database;
let server: TestServer;
let practiceId: string;
const cookies: Record<'alice' | 'bob', string> = { alice: '', bob: '' };

beforeAll(async () => {
  database = await createTestDatabase();
  const stamp = Date.now();
  const alice = await createUser(database.db, {
    name: 'Alice',
    email: `alice-${stamp}@example.org`,
    password: PASSWORD,
  });
  const bob = await createUser(database.db, {
    name: 'Bob',
    email: `bob-${stamp}@example.org`,
    password: PASSWORD,
  });
  if (!alice || !bob) throw new Error('Could not create the test users');
  const practice = await createPractice(database.db, { ownerId: alice.id, profile: TEST_PROFILE });
  practiceId = practice.id;
  await database.db.insert(memberships).values({ practiceId, userId: bob.id, role: 'staff' });
  server = await startTestServer({ database, port: PORT });
  cookies.alice = await logInOverHttp(server.origin, { email: alice.email, password: PASSWORD });
  cookies.bob = await logInOverHttp(server.origin, { email: bob.email, password: PASSWORD });
}, 180_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

const itemPath = () => `/practices/${practiceId}/checklist/${ITEM}`;

async function currentVersion(cookie: string): Promise<number> {
  const response = await fetch(`${server.origin}${itemPath()}`, { headers: { Cookie: cookie } });
  expect(response.status).toBe(200);
  const html = await response.text();
  const match = /name="expectedVersion" value="(\d+)"/.exec(html);
  if (!match?.[1]) throw new Error('The item page has no expectedVersion field');
  return Number(match[1]);
}

async function postNotes(cookie: string, expectedVersion: number, notes: string) {
  const response = await fetch(`${server.origin}${itemPath()}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      Cookie: cookie,
      Origin: server.origin,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      intent: 'update',
      expectedVersion: String(expectedVersion),
      notes,
    }),
  });
  await response.arrayBuffer();
  return response.status;
}

describe('parallel edits of one item by two members over HTTP', () => {
  it('loses no update: accepted writes = history = version, the rest get 409, no 5xx', async () => {
    // Warm up Vite's compile of the route modules before the burst.
    await currentVersion(cookies.alice);

    const accepted: string[] = [];
    const rejected: string[] = [];
    const statuses: number[] = [];

    // 1. A burst: 100 writes, all claiming the same version. Exactly one may win.
    const start = await currentVersion(cookies.alice);
    const burst = await Promise.all(
      Array.from({ length: 100 }, async (_, index) => {
        const who = index % 2 === 0 ? 'alice' : 'bob';
        const notes = `burst ${who} ${index}`;
        const status = await postNotes(cookies[who], start, notes);
        return { notes, status };
      }),
    );
    for (const { notes, status } of burst) {
      statuses.push(status);
      (status === 200 ? accepted : rejected).push(notes);
    }
    expect(accepted).toHaveLength(1);

    // 2. Read-then-write loops: 2 members x 8 workers x 13 rounds, all in flight together.
    await Promise.all(
      (['alice', 'bob'] as const).flatMap((who) =>
        Array.from({ length: 8 }, async (_, worker) => {
          for (let round = 0; round < 13; round += 1) {
            const version = await currentVersion(cookies[who]);
            const notes = `${who} worker ${worker} round ${round}`;
            const status = await postNotes(cookies[who], version, notes);
            statuses.push(status);
            (status === 200 ? accepted : rejected).push(notes);
          }
        }),
      ),
    );

    // 3. One more write each, in turn, so both members' writes are in the history
    // whatever the interleaving above (under load one member can lose every race).
    for (const who of ['bob', 'alice'] as const) {
      const notes = `${who} final`;
      const status = await postNotes(cookies[who], await currentVersion(cookies[who]), notes);
      expect(status).toBe(200);
      statuses.push(status);
      accepted.push(notes);
    }

    expect(statuses).toHaveLength(310);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
    expect(rejected.length).toBeGreaterThan(0);

    const [row] = await database.db
      .select()
      .from(checklistItems)
      .where(and(eq(checklistItems.practiceId, practiceId), eq(checklistItems.itemId, ITEM)));
    const history = await database.db
      .select()
      .from(checklistItemEvents)
      .where(
        and(eq(checklistItemEvents.practiceId, practiceId), eq(checklistItemEvents.itemId, ITEM)),
      )
      .orderBy(asc(checklistItemEvents.version));

    expect(row?.version).toBe(accepted.length);
    expect(history).toHaveLength(accepted.length);
    expect(history.map((event) => event.version)).toEqual(
      Array.from({ length: accepted.length }, (_, index) => index + 1),
    );
    const written = history.map((event) => {
      expect(event.changes).toHaveLength(1);
      return event.changes[0];
    });
    // Every accepted write is in history exactly once; no refused write is.
    expect(written.map((change) => change?.to).sort()).toEqual([...accepted].sort());
    for (const notes of rejected)
      expect(written.some((change) => change?.to === notes)).toBe(false);
    // Each change starts from the value the previous one left: no write was overwritten unseen.
    written.forEach((change, index) => {
      expect(change?.field).toBe('notes');
      expect(change?.from).toBe(index === 0 ? '' : written[index - 1]?.to);
    });
    expect(row?.notes).toBe(written.at(-1)?.to);
    expect(new Set(history.map((event) => event.actorName))).toEqual(new Set(['Alice', 'Bob']));
  }, 600_000);
});
