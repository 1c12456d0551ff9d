import { once } from 'node:events';
import { type IncomingMessage, type Server, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BRAND_FORM_MAX_BYTES } from '../app/lib/documents/upload-limits';
import { createApp } from './app';
import { FORM_BODY_MAX_BYTES, bodyLimitFor, limitedBodyOf } from './body-limit';

const HUNDRED_MB = 100 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'a');

// What the app handler saw of each request: how many body bytes reached it and whether it ran at all.
const seen = { handled: 0, bytes: 0, error: '' };

let server: Server;
let origin: string;

beforeAll(async () => {
  const app = createApp({
    production: true,
    trustProxy: false,
    logger: pino({ level: 'silent' }),
    handler: async (_req, res) => {
      seen.handled += 1;
      const body = limitedBodyOf(res);
      let bytes = 0;
      try {
        for await (const chunk of body?.stream ?? []) bytes += (chunk as Buffer).length;
      } catch (error) {
        seen.error = error instanceof Error ? error.message : String(error);
      } finally {
        seen.bytes = bytes;
      }
      if (!res.headersSent) res.status(200).type('text/plain').send(`read ${bytes}`);
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
  seen.handled = 0;
  seen.bytes = 0;
  seen.error = '';
});

function post(path: string, headers: Record<string, string>) {
  return httpRequest(`${origin}${path}`, {
    method: 'POST',
    headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
  });
}

async function text(response: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of response) body += String(chunk);
  return body;
}

describe('request body limit', () => {
  it('refuses a declared 100 MB form post with 413 after one chunk, without calling the app', async () => {
    const request = post('/login', { 'Content-Length': String(HUNDRED_MB), Accept: 'text/html' });
    request.on('error', () => {});
    request.write(CHUNK);
    const [response] = (await once(request, 'response')) as [IncomingMessage];
    expect(response.statusCode).toBe(413);
    expect(response.headers.connection).toBe('close');
    const body = await text(response);
    expect(body).toContain('Request too large');
    expect(body).toContain(`at most ${FORM_BODY_MAX_BYTES / 1024} KB`);
    request.destroy();
    expect(seen.handled).toBe(0);
  });

  it('cuts a chunked body without a length at the limit while it streams', async () => {
    const request = post('/login', { 'Transfer-Encoding': 'chunked', Accept: 'text/plain' });
    request.on('error', () => {});
    let answered: IncomingMessage | undefined;
    const responded = once(request, 'response').then(([response]) => {
      answered = response as IncomingMessage;
    });
    let sent = 0;
    while (!answered && sent < HUNDRED_MB) {
      sent += CHUNK.length;
      if (!request.write(CHUNK)) await Promise.race([once(request, 'drain'), responded]);
    }
    await responded;
    const response = answered as unknown as IncomingMessage;
    expect(response.statusCode).toBe(413);
    expect(await text(response)).toMatch(/too large: this page accepts at most 256 KB/);
    request.destroy();
    // The app read at most the limit, and the server stopped reading long before 100 MB.
    expect(seen.bytes).toBeLessThanOrEqual(FORM_BODY_MAX_BYTES);
    expect(seen.error).toMatch(/larger than/);
    expect(sent).toBeLessThan(HUNDRED_MB / 4);
  });

  it('passes a body within the limit through whole, with or without a length', async () => {
    const body = Buffer.alloc(FORM_BODY_MAX_BYTES, 'b');
    const variants: Array<Record<string, string>> = [
      { 'Content-Length': String(body.length) },
      { 'Transfer-Encoding': 'chunked' },
    ];
    for (const headers of variants) {
      const request = post('/login', headers);
      request.end(body);
      const [response] = (await once(request, 'response')) as [IncomingMessage];
      expect(response.statusCode).toBe(200);
      expect(await text(response)).toBe(`read ${body.length}`);
    }
  });

  it('lets the brand-kit upload route take a logo-sized body that a form route refuses', async () => {
    const body = Buffer.alloc(1024 * 1024, 'c');
    const upload = post('/practices/0b7c3c6e-6d1e-4d5a-9a55-1d2f3e4a5b6c/brand', {
      'Content-Length': String(body.length),
    });
    upload.end(body);
    const [accepted] = (await once(upload, 'response')) as [IncomingMessage];
    expect(accepted.statusCode).toBe(200);
    expect(await text(accepted)).toBe(`read ${body.length}`);

    const form = post('/practices/0b7c3c6e-6d1e-4d5a-9a55-1d2f3e4a5b6c/settings', {
      'Content-Length': String(body.length),
    });
    form.on('error', () => {});
    form.end(body);
    const [refused] = (await once(form, 'response')) as [IncomingMessage];
    expect(refused.statusCode).toBe(413);
  });

  it('chooses the limit by route', () => {
    expect(bodyLimitFor('/login')).toBe(FORM_BODY_MAX_BYTES);
    expect(bodyLimitFor('/practices/abc/brand')).toBe(BRAND_FORM_MAX_BYTES);
    expect(bodyLimitFor('/practices/abc/brand.data')).toBe(BRAND_FORM_MAX_BYTES);
    expect(bodyLimitFor('/practices/abc/brand/x')).toBe(FORM_BODY_MAX_BYTES);
    expect(bodyLimitFor('/practices/abc/branding')).toBe(FORM_BODY_MAX_BYTES);
  });
});
