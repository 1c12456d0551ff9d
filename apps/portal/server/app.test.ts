import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, nonceSource } from './app';
import { logSafePath } from './log-safe-path';
import { parseTrustProxy } from './trust-proxy';

/** Runs the real middleware stack over HTTP with a trivial app handler behind it. */
function startServer(trustProxy: boolean | number | string) {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const app = createApp({
    production: true,
    trustProxy,
    logger: pino({ level: 'info' }, sink),
    handler: (req, res) => {
      if (req.path === '/big') {
        res.status(200).type('text/plain').send('groundwork '.repeat(2000));
        return;
      }
      res
        .status(200)
        .type('text/html')
        .send(`<p>handled ${req.method} nonce=${res.locals.cspNonce}</p>`);
    },
  });
  return new Promise<{ server: Server; url: string; lines: string[] }>((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}`, lines });
    });
  });
}

let direct: Awaited<ReturnType<typeof startServer>>;
let proxied: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  direct = await startServer(false);
  proxied = await startServer(true);
});

afterAll(async () => {
  await Promise.all(
    [direct, proxied].map(
      ({ server }) => new Promise((resolve) => server.close(() => resolve(undefined))),
    ),
  );
});

beforeEach(() => {
  direct.lines.length = 0;
});

describe('security headers', () => {
  it('sends a strict, nonce-based CSP with a fresh nonce per response', async () => {
    const first = await fetch(`${direct.url}/`);
    const second = await fetch(`${direct.url}/`);
    const csp = first.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toBe(second.headers.get('content-security-policy'));
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(await first.text()).toContain(`nonce=${nonce}`);
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(first.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(first.headers.get('x-frame-options')).toBe('DENY');
    expect(first.headers.get('x-powered-by')).toBeNull();
  });

  it('sends HSTS only over TLS reported by a trusted proxy', async () => {
    const plain = await fetch(`${direct.url}/`);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const spoofed = await fetch(`${direct.url}/`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(spoofed.headers.get('strict-transport-security')).toBeNull();
    const behindTls = await fetch(`${proxied.url}/`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(behindTls.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('compresses large responses', async () => {
    const response = await fetch(`${direct.url}/big`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(await response.text()).toHaveLength('groundwork '.length * 2000);
  });
});

describe('same-origin check on mutations', () => {
  const post = (url: string, headers: Record<string, string>) =>
    fetch(`${url}/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      body: 'email=a%40b.org',
    });

  it('refuses a POST with no Origin and no Sec-Fetch-Site', async () => {
    expect((await post(direct.url, {})).status).toBe(403);
  });

  it('refuses a POST from another site', async () => {
    expect((await post(direct.url, { Origin: 'https://evil.example' })).status).toBe(403);
    expect(
      (await post(direct.url, { Origin: direct.url, 'Sec-Fetch-Site': 'cross-site' })).status,
    ).toBe(403);
  });

  it('lets a same-origin POST through', async () => {
    const response = await post(direct.url, { Origin: direct.url });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('handled POST');
  });

  it('behind a trusted proxy, compares against the public host and scheme', async () => {
    const headers = {
      Origin: 'https://portal.example.org',
      'X-Forwarded-Proto': 'https',
      'X-Forwarded-Host': 'portal.example.org',
    };
    expect((await post(proxied.url, headers)).status).toBe(200);
    expect((await post(direct.url, headers)).status).toBe(403);
  });

  it('never blocks GET', async () => {
    expect(
      (await fetch(`${direct.url}/`, { headers: { Origin: 'https://evil.example' } })).status,
    ).toBe(200);
  });
});

describe('request logs', () => {
  it('hold method, path, status and duration only — no query, cookies, body or headers', async () => {
    await fetch(
      `${direct.url}/practices/abc/screening?patient=Jane%20Doe&dob=1970-01-01&email=jane%40example.org`,
      {
        method: 'POST',
        headers: {
          Origin: direct.url,
          Cookie: 'gw_session=super-secret-cookie-value',
          Authorization: 'Bearer secret-token',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: 'patientName=Jane+Doe&password=hunter2hunter2',
      },
    );
    const entry = direct.lines.map((line) => JSON.parse(line)).find((line) => line.req);
    expect(entry).toBeDefined();
    expect(entry.req).toEqual({ method: 'POST', path: '/practices/abc/screening' });
    expect(entry.res).toEqual({ statusCode: 200 });
    expect(typeof entry.responseTime).toBe('number');
    const raw = direct.lines.join('\n');
    for (const secret of [
      'Jane',
      'jane',
      '1970',
      'super-secret',
      'Bearer',
      'hunter2',
      'patient=',
      'Cookie',
      'cookie',
    ]) {
      expect(raw).not.toContain(secret);
    }
  });

  it('mask invite tokens in paths', async () => {
    const token = 'k3Jx9_abcdefghijklmnopqrstuvwxyz0123456789AB';
    await fetch(`${direct.url}/invites/${token}`);
    expect(direct.lines.join('\n')).not.toContain(token);
    expect(direct.lines.join('\n')).toContain('/invites/:token');
  });
});

describe('logSafePath', () => {
  it.each([
    ['/practices/123?x=1', '/practices/123'],
    ['/invites/abc.data?_routes=x', '/invites/:token'],
    ['/p/short/documents/2', '/p/:token/documents/2'],
    [`/p/${'b'.repeat(43)}/download`, '/p/:token/download'],
    ['/users/jane%40example.org/edit', '/users/:redacted/edit'],
    ['/a/%E0%A4%A', '/a/:redacted'],
    [`/reset/${'a'.repeat(40)}`, '/reset/:token'],
    ['/reset-password/short-token', '/reset-password/:token'],
    [undefined, '/'],
  ])('%s → %s', (input, expected) => {
    expect(logSafePath(input)).toBe(expected);
  });
});

describe('parseTrustProxy', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['true', true],
    ['1', 1],
    ['loopback, 10.0.0.0/8', 'loopback, 10.0.0.0/8'],
  ])('%s → %s', (input, expected) => {
    expect(parseTrustProxy(input)).toBe(expected);
  });
});

describe('nonceSource', () => {
  it('gives 16 random bytes per nonce, never the same twice, across refills of its pool', () => {
    const next = nonceSource();
    const nonces = Array.from({ length: 1000 }, () => next());
    expect(new Set(nonces).size).toBe(1000);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
    }
    // Two sources do not share a pool.
    expect(nonceSource()()).not.toBe(nonceSource()());
  });
});
