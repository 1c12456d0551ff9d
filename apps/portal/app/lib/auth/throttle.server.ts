import type { Db } from '../../db/client.server';
import { hitRateLimit, refundRateLimit, resetRateLimit } from './rate-limit.server';

/** Log-in throttling: attempts allowed per window, per account and per IP. */
export const LOGIN_LIMITS = {
  windowMinutes: 15,
  perAccount: 5,
  perIp: 30,
} as const;

/** Sign-up throttling: new accounts per IP per window (SIGNUP_LIMIT_PER_IP overrides the default). */
export const SIGNUP_LIMITS = {
  windowMinutes: 60,
  perIp: 20,
} as const;

/** Whether an attempt may go ahead; when not, how long until it may (for Retry-After). */
export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

function loginKeys({ email, ip }: { email: string; ip: string }) {
  return { account: `login:account:${email.trim().toLowerCase()}`, ip: `login:ip:${ip}` };
}

/**
 * Counts a log-in attempt against the account and the IP *before* the
 * password is checked, so that parallel attempts cannot all pass a check made
 * before any of them was recorded. Counted in the database: every instance
 * sees the same numbers.
 */
export async function beginLoginAttempt(
  db: Db,
  who: { email: string; ip: string },
): Promise<ThrottleVerdict> {
  const keys = loginKeys(who);
  const windowSeconds = LOGIN_LIMITS.windowMinutes * 60;
  const ip = await hitRateLimit(db, { key: keys.ip, limit: LOGIN_LIMITS.perIp, windowSeconds });
  const account = await hitRateLimit(db, {
    key: keys.account,
    limit: LOGIN_LIMITS.perAccount,
    windowSeconds,
  });
  const refused = [ip, account].flatMap((verdict) =>
    verdict.allowed ? [] : [verdict.retryAfterSeconds],
  );
  if (refused.length === 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(...refused) };
}

/**
 * After a successful log-in: the account's failures are forgotten and the
 * IP's attempt is taken back, so only failures count against an IP (many
 * colleagues behind one office address can sign in all day).
 */
export async function loginSucceeded(db: Db, who: { email: string; ip: string }): Promise<void> {
  const keys = loginKeys(who);
  await resetRateLimit(db, keys.account);
  await refundRateLimit(db, keys.ip);
}

/** Forgets an account's failed log-ins (after its password was reset). */
export async function forgetLoginFailures(db: Db, email: string): Promise<void> {
  await resetRateLimit(db, loginKeys({ email, ip: '' }).account);
}

/** Password-reset requests allowed per hour: per IP, and per address asked for (known or not). */
export const PASSWORD_RESET_LIMITS = {
  windowMinutes: 60,
  perIp: 10,
  perAddress: 3,
} as const;

/**
 * Counts a request for a reset link against the IP and the address, so
 * nobody can flood an inbox or probe many addresses. The address is counted
 * whether or not it has an account: the answer must not differ.
 */
export async function beginPasswordResetRequest(
  db: Db,
  { email, ip }: { email: string; ip: string },
): Promise<ThrottleVerdict> {
  const windowSeconds = PASSWORD_RESET_LIMITS.windowMinutes * 60;
  const verdicts = [
    await hitRateLimit(db, {
      key: `reset:ip:${ip}`,
      limit: PASSWORD_RESET_LIMITS.perIp,
      windowSeconds,
    }),
    await hitRateLimit(db, {
      key: `reset:address:${email.trim().toLowerCase()}`,
      limit: PASSWORD_RESET_LIMITS.perAddress,
      windowSeconds,
    }),
  ];
  const refused = verdicts.flatMap((verdict) =>
    verdict.allowed ? [] : [verdict.retryAfterSeconds],
  );
  return refused.length === 0
    ? { allowed: true }
    : { allowed: false, retryAfterSeconds: Math.max(...refused) };
}

/** Counts a sign-up from `ip` against `limit` (default SIGNUP_LIMITS.perIp) per hour. */
export async function beginSignup(
  db: Db,
  { ip, limit = SIGNUP_LIMITS.perIp }: { ip: string; limit?: number | undefined },
): Promise<ThrottleVerdict> {
  const verdict = await hitRateLimit(db, {
    key: `signup:ip:${ip}`,
    limit,
    windowSeconds: SIGNUP_LIMITS.windowMinutes * 60,
  });
  return verdict.allowed
    ? { allowed: true }
    : { allowed: false, retryAfterSeconds: verdict.retryAfterSeconds };
}

/** "Wait 3 minutes" for a Retry-After in seconds (rounded up to whole minutes). */
export function waitMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`;
}

/**
 * Reads SIGNUP_LIMIT_PER_IP: unset or empty → the default; otherwise a whole
 * number of sign-ups per IP per hour, at least 1.
 */
export function parseSignupLimit(value: string | undefined): number {
  const trimmed = (value ?? '').trim();
  if (trimmed === '') return SIGNUP_LIMITS.perIp;
  const limit = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || !Number.isSafeInteger(limit) || limit < 1) {
    throw new Error(
      `SIGNUP_LIMIT_PER_IP must be a whole number of sign-ups per IP per hour (at least 1); got "${value}"`,
    );
  }
  return limit;
}
