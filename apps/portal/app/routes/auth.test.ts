import type { AppLoadContext } from '@remix-run/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.server';
import { outboxMailsTo } from '../test/outbox';
import { LOGIN_LIMITS } from '../lib/auth/throttle.server';
import { createTestContext, createTestDatabase } from '../test/db';
import { cookieFrom, formRequest, getRequest, run } from '../test/requests';
import * as account from './account';
import * as login from './login';
import * as logout from './logout';
import * as signup from './signup';
import * as root from '../root';

let database: Database;
let context: AppLoadContext;

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database);
});

afterAll(async () => {
  await database?.close();
});

async function signUp(fields: Record<string, string>) {
  return run(() => signup.action({ request: formRequest('/signup', fields), params: {}, context }));
}

async function logIn(fields: Record<string, string>, overrides: Partial<AppLoadContext> = {}) {
  return run(() =>
    login.action({
      request: formRequest('/login', fields),
      params: {},
      context: { ...context, ...overrides },
    }),
  );
}

async function mailsTo(to: string) {
  return (await outboxMailsTo(context, to)).map((mail) => ({ ...mail, text: mail.storedText }));
}

async function whoIs(cookie: string) {
  const outcome = await run(() =>
    root.loader({ request: getRequest('/', { cookie }), params: {}, context }),
  );
  return (outcome.data as { user: { email: string; name: string } | null }).user;
}

describe('sign up', () => {
  it('creates the account, sends the visitor to log in and welcomes them by e-mail', async () => {
    const outcome = await signUp({
      name: 'Ada Clinician',
      email: 'Ada@Example.org',
      password: 'a long enough password',
    });
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toBe(
      `/login?${new URLSearchParams({ notice: 'signed-up', redirectTo: '/practices/new' })}`,
    );
    // Not signed in by sign-up: that would tell a visitor whether the address was new.
    expect(outcome.headers.get('Set-Cookie')).toBeNull();
    expect(await mailsTo('ada@example.org')).toEqual([
      expect.objectContaining({ subject: 'Welcome to Groundwork' }),
    ]);
    const loggedIn = await logIn({ email: 'ada@example.org', password: 'a long enough password' });
    expect(loggedIn.status).toBe(302);
    const setCookie = loggedIn.headers.get('Set-Cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    // Plain-HTTP test origin: no Secure flag (it is set when the request is https).
    expect(setCookie).not.toMatch(/Secure/i);
    expect(await whoIs(cookieFrom(setCookie))).toMatchObject({ email: 'ada@example.org' });
  });

  it('sets the Secure flag on the session cookie when the request arrived over TLS', async () => {
    await signUp({
      name: 'Tls User',
      email: 'tls@example.org',
      password: 'a long enough password',
    });
    const request = formRequest('/login', {
      email: 'tls@example.org',
      password: 'a long enough password',
    });
    const https = new Request(request.url.replace('http:', 'https:'), request);
    const outcome = await run(() => login.action({ request: https, params: {}, context }));
    expect(outcome.headers.get('Set-Cookie')).toMatch(/Secure/i);
  });

  it('answers a known address exactly like a new one, e-mails its owner and changes nothing', async () => {
    const fresh = await signUp({
      name: 'Fresh',
      email: 'fresh@example.org',
      password: 'a long enough password',
    });
    await signUp({
      name: 'First',
      email: 'twice@example.org',
      password: 'the first long password',
    });
    const again = await signUp({
      name: 'Second',
      email: 'TWICE@example.org',
      password: 'another long password',
    });
    expect(again.status).toBe(fresh.status);
    expect(again.headers.get('Location')).toBe(fresh.headers.get('Location'));
    expect(again.body).toBe(fresh.body);
    expect(again.headers.get('Set-Cookie')).toBeNull();

    const mails = await mailsTo('twice@example.org');
    expect(mails.map((mail) => mail.subject)).toEqual([
      'Welcome to Groundwork',
      'Someone tried to create a Groundwork account with your address',
    ]);
    expect(mails[1]?.text).toContain('You already have an account');
    expect(mails[1]?.text).toContain('http://portal.test/login');
    // The account keeps its password and name.
    expect(
      (await logIn({ email: 'twice@example.org', password: 'another long password' })).status,
    ).toBe(400);
    const original = await logIn({
      email: 'twice@example.org',
      password: 'the first long password',
    });
    expect(await whoIs(cookieFrom(original.headers.get('Set-Cookie')))).toMatchObject({
      name: 'First',
    });
  });

  it('keeps a local redirectTo for after the log-in', async () => {
    const outcome = await signUp({
      name: 'Invited',
      email: 'invited@example.org',
      password: 'a long enough password',
      redirectTo: '/invites/abc',
    });
    expect(
      new URL(outcome.headers.get('Location') ?? '', 'http://x').searchParams.get('redirectTo'),
    ).toBe('/invites/abc');
  });

  it('puts errors beside the fields, keeps what was typed and never echoes the password', async () => {
    const outcome = await signUp({ name: 'Bo', email: 'not-an-email', password: 'shorty' });
    expect(outcome.status).toBe(400);
    const body = outcome.data as {
      fieldErrors: Record<string, string>;
      values: Record<string, string>;
    };
    expect(body.fieldErrors.email).toMatch(/e-mail address/);
    expect(body.fieldErrors.password).toMatch(/12 characters/);
    expect(body.values).toEqual({ name: 'Bo', email: 'not-an-email' });
    expect(outcome.body).not.toContain('shorty');
  });

  it.each([
    ['//evil.example/steal'],
    ['/\t/evil.example'],
    ['/\\evil.example'],
    ['/practices\r\nSet-Cookie: gw_session=stolen'],
  ])('only follows a local redirectTo, never %j', async (redirectTo) => {
    const outcome = await signUp({
      name: 'Redirected',
      email: `redirected-${Math.random()}@example.org`,
      password: 'a long enough password',
      redirectTo,
    });
    expect(outcome.status).toBe(302);
    const location = new URL(outcome.headers.get('Location') ?? '', 'http://portal.test');
    expect(location.pathname).toBe('/login');
    expect(location.searchParams.get('redirectTo')).toBe('/practices/new');
  });
});

describe('log in, log out', () => {
  const email = 'login@example.org';
  const password = 'login password that is long';

  beforeAll(async () => {
    await signUp({ name: 'Log In', email, password });
  });

  it('signs in with the right password and follows redirectTo', async () => {
    const outcome = await logIn({ email, password, redirectTo: '/account' });
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toBe('/account');
    expect(await whoIs(cookieFrom(outcome.headers.get('Set-Cookie')))).toMatchObject({ email });
  });

  it('falls back to /practices for a redirectTo that leads off the site', async () => {
    const outcome = await logIn({ email, password, redirectTo: '/\t/evil.example' });
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toBe('/practices');
  });

  it('says the e-mail and password do not match, keeping the e-mail but not the password', async () => {
    const outcome = await logIn({ email, password: 'wrong password here' });
    expect(outcome.status).toBe(400);
    expect(outcome.body).toContain('do not match');
    expect(outcome.body).toContain(email);
    expect(outcome.body).not.toContain('wrong password here');
  });

  it('log out revokes the session server-side, not just the cookie', async () => {
    const signedIn = await logIn({ email, password });
    const cookie = cookieFrom(signedIn.headers.get('Set-Cookie'));
    const outcome = await run(() =>
      logout.action({ request: formRequest('/logout', {}, { cookie }), params: {}, context }),
    );
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Set-Cookie')).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    // Replaying the old cookie no longer works.
    expect(await whoIs(cookie)).toBeNull();
  });

  it('"log out everywhere" revokes every session of the user', async () => {
    const first = cookieFrom((await logIn({ email, password })).headers.get('Set-Cookie'));
    const second = cookieFrom((await logIn({ email, password })).headers.get('Set-Cookie'));
    await run(() =>
      account.action({
        request: formRequest('/account', { intent: 'log-out-everywhere' }, { cookie: first }),
        params: {},
        context,
      }),
    );
    expect(await whoIs(first)).toBeNull();
    expect(await whoIs(second)).toBeNull();
  });

  it('ignores a cookie signed with another secret', async () => {
    const outcome = await logIn({ email, password });
    const cookie = cookieFrom(outcome.headers.get('Set-Cookie'));
    const other = createTestContext(database, { sessionSecrets: ['a different secret'] });
    const result = await run(() =>
      root.loader({ request: getRequest('/', { cookie }), params: {}, context: other }),
    );
    expect((result.data as { user: unknown }).user).toBeNull();
  });
});

describe('a body the browser could not have sent', () => {
  it('is a 400 with a message, not a 500', async () => {
    for (const action of [login.action, signup.action]) {
      const request = new Request('http://portal.test/login', {
        method: 'POST',
        headers: {
          'Content-Type': 'multipart/form-data; boundary=zz',
          Origin: 'http://portal.test',
        },
        body: 'this is not multipart at all',
      });
      const outcome = await run(() => action({ request, params: {}, context }));
      expect(outcome.status).toBe(400);
      expect(outcome.body).toContain('the form could not be read');
    }
  });
});

describe('login throttling', () => {
  it('locks an account after repeated failures, even for the right password, with a clear message', async () => {
    const email = 'throttled@example.org';
    const password = 'throttled password long';
    await signUp({ name: 'Throttled', email, password });
    for (let attempt = 0; attempt < LOGIN_LIMITS.perAccount; attempt += 1) {
      // Vary the IP so only the per-account limit applies.
      expect(
        (await logIn({ email, password: 'wrong' }, { clientIp: `198.51.100.${attempt}` })).status,
      ).toBe(400);
    }
    const locked = await logIn({ email, password }, { clientIp: '198.51.100.200' });
    expect(locked.status).toBe(429);
    expect(locked.body).toMatch(
      /Too many failed attempts to log in\. Wait \d+ minutes? and try again/,
    );
    expect(locked.headers.get('Retry-After')).toMatch(/^\d+$/);
  });

  it('limits one IP address across many accounts', async () => {
    const ip = '192.0.2.99';
    for (let attempt = 0; attempt < LOGIN_LIMITS.perIp; attempt += 1) {
      await logIn({ email: `nobody${attempt}@example.org`, password: 'guess' }, { clientIp: ip });
    }
    const blocked = await logIn(
      { email: 'login@example.org', password: 'guess' },
      { clientIp: ip },
    );
    expect(blocked.status).toBe(429);
    const elsewhere = await logIn(
      { email: 'login@example.org', password: 'login password that is long' },
      { clientIp: '192.0.2.100' },
    );
    expect(elsewhere.status).toBe(302);
  }, 60_000);
});
