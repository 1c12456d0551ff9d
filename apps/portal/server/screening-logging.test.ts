import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { eligibleForm } from '../app/test/screening-fixtures';
import { createApp } from './app';

/**
 * The no-JavaScript screening post carries a patient's answers. The request
 * logger must record method, path, status and duration only — even when the
 * handler reads the body and then fails with the answers in the message.
 */

let server: Server;
let url: string;
const lines: string[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const app = createApp({
    production: true,
    trustProxy: false,
    logger: pino({ level: 'trace' }, sink),
    handler: express
      .Router()
      .use(express.urlencoded({ extended: false }))
      .post('/practices/:practiceId/screening', (req, res, next) => {
        const body = req.body as Record<string, string>;
        if (body['q.age'] === '35') {
          next(
            new Error(`failed while screening age=${body['q.age']} pregnant=${body['q.pregnant']}`),
          );
          return;
        }
        res.status(200).send('screened');
      }),
  });
  await new Promise<void>((resolve) => {
    server = app.listen(0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(() => resolve(undefined)));
});

it('logs no answer of a screening post, not even from an error message', async () => {
  const practiceId = '5b0c2c53-3f2c-4a52-9a53-6d7f0b1c2d3e';
  const fields = { ...eligibleForm(), 'q.sexAssignedAtBirth': 'female', 'q.pregnant': 'unsure' };
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) body.append(name, String(value));
  const ok = await fetch(`${url}/practices/${practiceId}/screening?lang=es`, {
    method: 'POST',
    headers: { Origin: url, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...Object.fromEntries(body), 'q.age': '41' }),
  });
  expect(ok.status).toBe(200);
  const failed = await fetch(`${url}/practices/${practiceId}/screening?lang=es`, {
    method: 'POST',
    headers: { Origin: url, 'Content-Type': 'application/x-www-form-urlencoded' },
    body,
  });
  expect(failed.status).toBe(500);

  // pino writes after the response has finished: wait for both lines.
  await vi.waitFor(() => expect(lines.length).toBeGreaterThanOrEqual(2));
  const log = lines.join('\n');
  // The practice id is masked like any random path segment; the route stays readable.
  expect(log).toContain('POST /practices/:token/screening 200');
  expect(log).toContain('POST /practices/:token/screening 500');
  expect(log).not.toContain('lang=es');
  // Numbers are not checked: timestamps and durations contain digits of any kind.
  for (const value of ['q.', 'age=', 'unsure', 'female', 'pregnant', 'adequateTrials', 'none']) {
    expect(log, `log must not contain ${value}`).not.toContain(value);
  }
});
