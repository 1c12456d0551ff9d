import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.server';
import { rateLimits } from '../../db/schema.server';
import { createTestDatabase } from '../../test/db';
import { hitRateLimit, refundRateLimit, resetRateLimit } from './rate-limit.server';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

describe('hitRateLimit', () => {
  it('gives concurrent hits distinct counts and allows exactly the limit', async () => {
    const limit = { key: 'test:concurrent', limit: 7, windowSeconds: 60 };
    const verdicts = await Promise.all(
      Array.from({ length: 40 }, () => hitRateLimit(database.db, limit)),
    );
    expect(verdicts.map((verdict) => verdict.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 }, (_, index) => index + 1),
    );
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(7);
  });

  it('says how long until the window ends, and starts a new window after it', async () => {
    const limit = { key: 'test:window', limit: 1, windowSeconds: 600 };
    expect((await hitRateLimit(database.db, limit)).allowed).toBe(true);
    const refused = await hitRateLimit(database.db, limit);
    expect(refused.allowed).toBe(false);
    if (refused.allowed) return;
    expect(refused.retryAfterSeconds).toBeGreaterThan(590);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(600);

    // Eleven minutes later (moved in the database, whose clock decides).
    await database.db
      .update(rateLimits)
      .set({ windowStart: sql`now() - interval '11 minutes'` })
      .where(eq(rateLimits.key, limit.key));
    const next = await hitRateLimit(database.db, limit);
    expect(next).toEqual({ allowed: true, count: 1 });
  });

  it('keeps keys apart, and refund and reset change only their key', async () => {
    const first = { key: 'test:first', limit: 2, windowSeconds: 60 };
    const second = { key: 'test:second', limit: 2, windowSeconds: 60 };
    await hitRateLimit(database.db, first);
    await hitRateLimit(database.db, first);
    await hitRateLimit(database.db, second);
    await refundRateLimit(database.db, first.key);
    expect((await hitRateLimit(database.db, first)).count).toBe(2);
    await resetRateLimit(database.db, second.key);
    expect((await hitRateLimit(database.db, second)).count).toBe(1);
    await refundRateLimit(database.db, 'test:never-seen');
    await refundRateLimit(database.db, second.key);
    await refundRateLimit(database.db, second.key);
    expect((await hitRateLimit(database.db, second)).count).toBe(1);
  });
});
