import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server';
import { rateLimits } from '../../db/schema.server';

/** One throttle: at most `limit` hits per key in a fixed window of `windowSeconds`. */
export interface RateLimit {
  key: string;
  limit: number;
  windowSeconds: number;
}

/** What a hit on a throttle found: allowed, or refused with how long until the window ends. */
export type RateLimitVerdict =
  | { allowed: true; count: number }
  | { allowed: false; count: number; retryAfterSeconds: number };

// Counters whose window ended this long ago are deleted now and then.
const PRUNE_AFTER_SECONDS = 24 * 60 * 60;
const PRUNE_EVERY_HITS = 100;
let hitsSincePrune = 0;

/**
 * Counts one hit against `key` and says whether it is within the limit. The
 * count and the check are one statement (`INSERT ... ON CONFLICT DO UPDATE
 * ... RETURNING`), so concurrent requests on any number of instances each get
 * a distinct count and exactly `limit` of them are allowed per window. The
 * database's clock decides when a window ends.
 */
export async function hitRateLimit(db: Db, { key, limit, windowSeconds }: RateLimit) {
  const expired = sql`${rateLimits.windowStart} <= now() - ${windowSeconds} * interval '1 second'`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, count: 1, windowStart: sql`now()` })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${expired} then now() else ${rateLimits.windowStart} end`,
      },
    })
    .returning({
      count: rateLimits.count,
      secondsLeft: sql<number>`ceil(extract(epoch from (${rateLimits.windowStart} + ${windowSeconds} * interval '1 second' - now())))::int`,
    });
  if (!row) throw new Error(`Counting a hit on rate limit ${key} returned no row`);
  await pruneNowAndThen(db);
  const verdict: RateLimitVerdict =
    row.count <= limit
      ? { allowed: true, count: row.count }
      : { allowed: false, count: row.count, retryAfterSeconds: Math.max(1, row.secondsLeft) };
  return verdict;
}

/** Takes one hit back (e.g. the IP's log-in attempt that turned out to be right). Never below zero. */
export async function refundRateLimit(db: Db, key: string): Promise<void> {
  await db
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(eq(rateLimits.key, key));
}

/** Forgets a key's count (e.g. an account's failed log-ins after a successful one). */
export async function resetRateLimit(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

async function pruneNowAndThen(db: Db) {
  hitsSincePrune += 1;
  if (hitsSincePrune < PRUNE_EVERY_HITS) return;
  hitsSincePrune = 0;
  await db
    .delete(rateLimits)
    .where(lt(rateLimits.windowStart, sql`now() - ${PRUNE_AFTER_SECONDS} * interval '1 second'`));
}
