import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from './app';

const lines: Array<{ level: number; msg: string }> = [];
let handled = 0;
let server: Server;
let origin: string;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const app = createApp({
    production: true,
    trustProxy: false,
    logger: pino({ level: 'info' }, sink),
    handler: (req, res) => {
      handled += 1;
      if (req.path === '/boom') throw new Error('a bug with a secret in its message');
      res.status(200).type('text/plain').send('handled');
    },
  });
  server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  lines.length = 0;
  handled = 0;
});

async function logLineFor(path: string) {
  await vi.waitFor(() => {
    if (!lines.some((line) => line.msg.includes(path))) throw new Error('not logged yet');
  });
  return lines.find((line) => line.msg.includes(path));
}

describe('client mistakes', () => {
  it.each([
    '/?_data=routes/nope',
    '/login?_data=root',
    '/no-such-page?x=1&_data=',
  ])('answers the ?_data= probe %s with 400 at info level, without reaching the app', async (path) => {
    const response = await fetch(`${origin}${path}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('does not answer ?_data= requests');
    expect(handled).toBe(0);
    const pathOnly = path.split('?')[0] ?? '';
    expect((await logLineFor(`GET ${pathOnly} 400`))?.level).toBe(30);
  });

  it('refuses a body that is not a form with 415, naming what it accepts', async () => {
    const response = await fetch(`${origin}/login`, {
      method: 'POST',
      headers: { Origin: origin, 'Content-Type': 'application/json' },
      body: '{"email":"a@example.org"}',
    });
    expect(response.status).toBe(415);
    expect(await response.text()).toMatch(/accepts form posts .* not "application\/json"/);
    expect(handled).toBe(0);
    expect((await logLineFor('POST /login 415'))?.level).toBe(30);
  });

  it('lets form posts and body-less posts through', async () => {
    const inits: RequestInit[] = [
      {
        headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'a=1',
      },
      {
        headers: { Origin: origin, 'Content-Type': 'multipart/form-data; boundary=x' },
        body: '--x--',
      },
      { headers: { Origin: origin } },
    ];
    for (const init of inits) {
      const response = await fetch(`${origin}/logout`, { method: 'POST', ...init });
      expect(response.status).toBe(200);
    }
    expect(handled).toBe(3);
  });

  it('answers a malformed path with 400, logged at info, with no stack trace on stderr', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const response = await fetch(`${origin}/%E0%A4%A`);
      expect(response.status).toBe(400);
      expect((await logLineFor('GET /:redacted 400'))?.level).toBe(30);
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      consoleError.mockRestore();
    }
  });

  it('still logs a server error at error level, without its message', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const response = await fetch(`${origin}/boom`);
      expect(response.status).toBe(500);
      const line = await logLineFor('GET /boom 500');
      expect(line?.level).toBe(50);
      expect(JSON.stringify(lines)).not.toContain('secret in its message');
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      consoleError.mockRestore();
    }
  });
});
