import type { AppLoadContext } from '@remix-run/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../db/client.server';
import { LOGIN_LIMITS, SIGNUP_LIMITS, parseSignupLimit } from '../lib/auth/throttle.server';
import { createTestContext, createTestDatabase } from '../test/db';
import { createSignedInUser, formRequest, run } from '../test/requests';
import * as login from './login';
import * as signup from './signup';

// Counts every password check (scrypt verify) the log-in action makes.
const passwordChecks = vi.hoisted(() => ({ count: 0 }));
vi.mock('../lib/auth/password.server', async (importOriginal) => {
  const original = await importOriginal<typeof import('../lib/auth/password.server')>();
  return {
    ...original,
    verifyPassword: (...args: Parameters<typeof original.verifyPassword>) => {
      passwordChecks.count += 1;
      return original.verifyPassword(...args);
    },
  };
});

let database: Database;
let context: AppLoadContext;

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database);
});

afterAll(async () => {
  await database?.close();
});

beforeEach(() => {
  passwordChecks.count = 0;
});

function logIn(fields: Record<string, string>, clientIp: string) {
  return run(() =>
    login.action({
      request: formRequest('/login', fields),
      params: {},
      context: { ...context, clientIp },
    }),
  );
}

describe('log-in throttle under concurrency', () => {
  it('50 parallel wrong passwords for one account get exactly 5 password checks', async () => {
    const { user } = await createSignedInUser(context);
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        // Every guess from its own address, so only the per-account limit applies.
        logIn({ email: user.email, password: `wrong guess ${index}` }, `198.18.0.${index}`),
      ),
    );
    expect(passwordChecks.count).toBe(LOGIN_LIMITS.perAccount);
    const statuses = outcomes.map((outcome) => outcome.status);
    expect(statuses.filter((status) => status === 400)).toHaveLength(LOGIN_LIMITS.perAccount);
    expect(statuses.filter((status) => status === 429)).toHaveLength(50 - LOGIN_LIMITS.perAccount);
    const refused = outcomes.find((outcome) => outcome.status === 429);
    expect(Number(refused?.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(Number(refused?.headers.get('Retry-After'))).toBeLessThanOrEqual(
      LOGIN_LIMITS.windowMinutes * 60,
    );
  }, 120_000);

  it('50 parallel log-ins from one IP to different accounts get exactly 30 password checks', async () => {
    const ip = '198.18.1.1';
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        logIn({ email: `parallel${index}@example.org`, password: 'a guess' }, ip),
      ),
    );
    expect(passwordChecks.count).toBe(LOGIN_LIMITS.perIp);
    expect(outcomes.filter((outcome) => outcome.status === 429)).toHaveLength(
      50 - LOGIN_LIMITS.perIp,
    );
  }, 120_000);

  it('a successful log-in does not count against its IP', async () => {
    const ip = '198.18.2.1';
    const users = await Promise.all(
      Array.from({ length: LOGIN_LIMITS.perIp + 5 }, () => createSignedInUser(context)),
    );
    for (const { user } of users) {
      const outcome = await logIn(
        { email: user.email, password: 'correct horse battery staple' },
        ip,
      );
      expect(outcome.status).toBe(302);
    }
  }, 120_000);
});

describe('sign-up throttle', () => {
  it('refuses sign-ups from one IP beyond the limit with 429 and Retry-After', async () => {
    const limited = { ...context, clientIp: '198.18.3.1', signupLimitPerIp: 3 };
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof run>> | undefined;
    for (let index = 0; index < 5; index += 1) {
      const outcome = await run(() =>
        signup.action({
          request: formRequest('/signup', {
            name: 'Many Accounts',
            email: `many${index}-${Date.now()}@example.org`,
            password: 'a long enough password',
          }),
          params: {},
          context: limited,
        }),
      );
      statuses.push(outcome.status);
      if (outcome.status === 429) refused ??= outcome;
    }
    expect(statuses.filter((status) => status === 429)).toHaveLength(2);
    expect(refused?.body).toMatch(/Too many accounts .* Wait \d+ minutes? and try again/);
    expect(Number(refused?.headers.get('Retry-After'))).toBeGreaterThan(0);
    // Another address is not affected.
    const elsewhere = await run(() =>
      signup.action({
        request: formRequest('/signup', {
          name: 'Elsewhere',
          email: `elsewhere-${Date.now()}@example.org`,
          password: 'a long enough password',
        }),
        params: {},
        context: { ...limited, clientIp: '198.18.3.2' },
      }),
    );
    expect(elsewhere.status).not.toBe(429);
  }, 60_000);
});

describe('SIGNUP_LIMIT_PER_IP', () => {
  it('defaults when unset and refuses anything but a positive whole number, naming the variable', () => {
    expect(parseSignupLimit(undefined)).toBe(SIGNUP_LIMITS.perIp);
    expect(parseSignupLimit(' 1000 ')).toBe(1000);
    for (const bad of ['0', '-3', '2.5', 'many', '1e3']) {
      expect(() => parseSignupLimit(bad)).toThrow(/SIGNUP_LIMIT_PER_IP .*got "/);
    }
  });
});
