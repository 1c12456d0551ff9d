import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server';
import { loginAttempts } from '../../db/schema.server';

/** Sign-in throttling limits: failures allowed per window, per account and per IP. */
export const LOGIN_LIMITS = {
  windowMinutes: 15,
  perAccount: 5,
  perIp: 30,
} as const;

function keys({ email, ip }: { email: string; ip: string }) {
  return { account: `account:${email.toLowerCase()}`, ip: `ip:${ip}` };
}

/**
 * Whether another sign-in attempt is allowed. Counted in the database so every
 * instance behind a load balancer sees the same numbers.
 */
export async function checkLoginAllowed(
  db: Db,
  who: { email: string; ip: string },
): Promise<{ allowed: true } | { allowed: false; retryAfterMinutes: number }> {
  const since = new Date(Date.now() - LOGIN_LIMITS.windowMinutes * 60 * 1000);
  const { account, ip } = keys(who);
  const rows = await db
    .select({
      key: loginAttempts.key,
      count: sql<number>`count(*)::int`,
      oldest: sql<string>`min(${loginAttempts.createdAt})`,
    })
    .from(loginAttempts)
    .where(and(inArray(loginAttempts.key, [account, ip]), gt(loginAttempts.createdAt, since)))
    .groupBy(loginAttempts.key);
  for (const row of rows) {
    const limit = row.key === account ? LOGIN_LIMITS.perAccount : LOGIN_LIMITS.perIp;
    if (row.count >= limit) {
      const freeAt = new Date(row.oldest).getTime() + LOGIN_LIMITS.windowMinutes * 60 * 1000;
      return {
        allowed: false,
        retryAfterMinutes: Math.max(1, Math.ceil((freeAt - Date.now()) / 60_000)),
      };
    }
  }
  return { allowed: true };
}

/** Records a failed sign-in against the account and the IP, and prunes old rows. */
export async function recordLoginFailure(db: Db, who: { email: string; ip: string }) {
  const { account, ip } = keys(who);
  await db.insert(loginAttempts).values([{ key: account }, { key: ip }]);
  const cutoff = new Date(Date.now() - 24 * 60 * 60 * 1000);
  await db.delete(loginAttempts).where(lt(loginAttempts.createdAt, cutoff));
}

/** Forgets an account's failures after a successful sign-in. */
export async function clearLoginFailures(db: Db, email: string) {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, keys({ email, ip: '' }).account));
}
