import type { AppLoadContext } from '@remix-run/node';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.server';
import { passwordResets } from '../db/schema.server';
import { outboxMailsTo } from '../test/outbox';
import { PASSWORD_RESET_LIMITS } from '../lib/auth/throttle.server';
import { createTestContext, createTestDatabase } from '../test/db';
import { findInEveryTable } from '../test/scan-database';
import { cookieFrom, createSignedInUser, formRequest, getRequest, run } from '../test/requests';
import * as account from './account';
import * as forgot from './forgot-password';
import * as login from './login';
import * as reset from './reset-password.$token';
import * as root from '../root';

const ORIGINAL = 'correct horse battery staple';

let database: Database;
let context: AppLoadContext;

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database);
});

afterAll(async () => {
  await database?.close();
});

function logIn(email: string, password: string) {
  return run(() =>
    login.action({
      request: formRequest('/login', { email, password }),
      params: {},
      context: { ...context, clientIp: `198.51.100.${Math.floor(Math.random() * 250)}` },
    }),
  );
}

async function whoIs(cookie: string) {
  const outcome = await run(() =>
    root.loader({ request: getRequest('/', { cookie }), params: {}, context }),
  );
  return (outcome.data as { user: { email: string } | null }).user;
}

function postAccount(fields: Record<string, string>, cookie: string) {
  return run(() =>
    account.action({ request: formRequest('/account', fields, { cookie }), params: {}, context }),
  );
}

function askForReset(email: string, clientIp = '203.0.113.50') {
  return run(() =>
    forgot.action({
      request: formRequest('/forgot-password', { email }),
      params: {},
      context: { ...context, clientIp },
    }),
  );
}

/** The reset link the dev outbox shows for the newest e-mail to `to` (stored redacted). */
async function resetTokenMailedTo(to: string): Promise<string> {
  const rows = await outboxMailsTo(context, to);
  const newest = rows.at(-1);
  if (!newest) throw new Error(`No e-mail to ${to}`);
  const text = context.mail.unredactedText?.(newest.id) ?? '';
  const token = /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];
  if (!token) throw new Error(`No reset link in the e-mail to ${to}`);
  return token;
}

function submitReset(token: string, password: string) {
  return run(() =>
    reset.action({
      request: formRequest(`/reset-password/${token}`, { password }),
      params: { token },
      context,
    }),
  );
}

describe('changing the password on /account', () => {
  it('needs the current password, then logs out other browsers and keeps this one', async () => {
    const { user, cookie } = await createSignedInUser(context);
    const other = cookieFrom((await logIn(user.email, ORIGINAL)).headers.get('Set-Cookie'));

    const wrong = await postAccount(
      {
        intent: 'change-password',
        currentPassword: 'not my password at all',
        newPassword: 'a brand new long password',
      },
      cookie,
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body).toContain('That is not your current password.');
    expect(wrong.body).not.toContain('a brand new long password');

    const short = await postAccount(
      { intent: 'change-password', currentPassword: ORIGINAL, newPassword: 'short' },
      cookie,
    );
    expect(short.status).toBe(400);
    expect((short.data as { fieldErrors: Record<string, string> }).fieldErrors.newPassword).toMatch(
      /12 characters/,
    );

    const changed = await postAccount(
      {
        intent: 'change-password',
        currentPassword: ORIGINAL,
        newPassword: 'a brand new long password',
      },
      cookie,
    );
    expect(changed.status).toBe(200);
    expect(await whoIs(cookie)).toMatchObject({ email: user.email });
    expect(await whoIs(other)).toBeNull();
    expect((await logIn(user.email, ORIGINAL)).status).toBe(400);
    expect((await logIn(user.email, 'a brand new long password')).status).toBe(302);
  });

  it('limits wrong current passwords per user', async () => {
    const { cookie } = await createSignedInUser(context);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const outcome = await postAccount(
        {
          intent: 'change-password',
          currentPassword: `guess number ${attempt}`,
          newPassword: 'a brand new long password',
        },
        cookie,
      );
      statuses.push(outcome.status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
  });

  it('"log out everywhere" revokes every session of the user', async () => {
    const { user, cookie } = await createSignedInUser(context);
    const second = cookieFrom((await logIn(user.email, ORIGINAL)).headers.get('Set-Cookie'));
    const outcome = await postAccount({ intent: 'log-out-everywhere' }, cookie);
    expect(outcome.status).toBe(302);
    expect(await whoIs(cookie)).toBeNull();
    expect(await whoIs(second)).toBeNull();
  });
});

describe('forgot and reset password', () => {
  it('answers the same for known and unknown addresses and mails only the known one', async () => {
    const { user } = await createSignedInUser(context);
    const known = await askForReset(user.email);
    const unknown = await askForReset('nobody-here@example.org');
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toBe(known.body);
    expect(await outboxMailsTo(context, 'nobody-here@example.org')).toEqual([]);
    const token = await resetTokenMailedTo(user.email);
    // Only the hash is stored; the stored e-mail has the token removed.
    expect(await findInEveryTable(context.db, token)).toEqual([]);
  });

  it('sets a new password once, logs out every browser and clears the log-in throttle', async () => {
    const { user, cookie } = await createSignedInUser(context);
    // Someone has locked the account with wrong guesses.
    for (let attempt = 0; attempt < 5; attempt += 1) await logIn(user.email, 'a wrong guess');
    expect((await logIn(user.email, ORIGINAL)).status).toBe(429);
    await askForReset(user.email);
    const token = await resetTokenMailedTo(user.email);

    const form = await run(() =>
      reset.loader({ request: getRequest(`/reset-password/${token}`), params: { token }, context }),
    );
    expect(form.status).toBe(200);

    const tooShort = await submitReset(token, 'short');
    expect(tooShort.status).toBe(400);

    const done = await submitReset(token, 'my recovered long password');
    expect(done.status).toBe(302);
    expect(done.headers.get('Location')).toBe('/login?notice=password-reset');
    expect(await whoIs(cookie)).toBeNull();
    expect((await logIn(user.email, ORIGINAL)).status).toBe(400);
    expect((await logIn(user.email, 'my recovered long password')).status).toBe(302);

    // Single use.
    expect((await submitReset(token, 'another long password here')).status).toBe(404);
    const reused = await run(() =>
      reset.loader({ request: getRequest(`/reset-password/${token}`), params: { token }, context }),
    );
    expect(reused.status).toBe(404);
    expect(reused.body).toContain('already used');
  });

  it('refuses a link after an hour, and a link replaced by a newer one', async () => {
    const { user } = await createSignedInUser(context);
    await askForReset(user.email, '203.0.113.60');
    const first = await resetTokenMailedTo(user.email);
    await askForReset(user.email, '203.0.113.60');
    const second = await resetTokenMailedTo(user.email);
    expect(second).not.toBe(first);
    expect((await submitReset(first, 'a replaced link password')).status).toBe(404);

    const [row] = await context.db
      .select({ expiresAt: passwordResets.expiresAt, createdAt: passwordResets.createdAt })
      .from(passwordResets)
      .where(eq(passwordResets.userId, user.id));
    expect((row?.expiresAt.getTime() ?? 0) - (row?.createdAt.getTime() ?? 0)).toBeGreaterThan(
      59 * 60 * 1000,
    );
    expect((row?.expiresAt.getTime() ?? 0) - (row?.createdAt.getTime() ?? 0)).toBeLessThanOrEqual(
      61 * 60 * 1000,
    );
    await context.db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResets.userId, user.id));
    expect((await submitReset(second, 'an expired link password')).status).toBe(404);
  });

  it('limits reset requests per address, known or not, with the same answer', async () => {
    for (const email of [
      'limited-unknown@example.org',
      (await createSignedInUser(context)).user.email,
    ]) {
      const statuses: number[] = [];
      for (let attempt = 0; attempt <= PASSWORD_RESET_LIMITS.perAddress; attempt += 1) {
        statuses.push((await askForReset(email, `192.0.2.${attempt + 10}`)).status);
      }
      expect(statuses).toEqual([
        ...Array.from({ length: PASSWORD_RESET_LIMITS.perAddress }, () => 200),
        429,
      ]);
    }
  });
});
