import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { AppLoadContext } from '@remix-run/node';
import express from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../app/db/client.server';
import { pdfText } from '../app/lib/documents/page-image.server';
import { action as consentAction } from '../app/routes/practices.$practiceId.documents.consent';
import { createTestContext, createTestDatabase } from '../app/test/db';
import { createPracticeTeam } from '../app/test/team';
import { createApp } from './app';

/**
 * The consent generator behind the real middleware stack (request logger,
 * helmet, compression, same-origin check): the patient's name must reach the
 * PDF and nothing the logger writes.
 */

const PATIENT = 'Philomena Ravensworth-Adeyemi';

let database: Database;
let context: AppLoadContext;
let server: Server;
let url: string;
const lines: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database);
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const app = createApp({
    production: true,
    trustProxy: false,
    // The most verbose level, so nothing is hidden by the level filter.
    logger: pino({ level: 'trace' }, sink),
    handler: express.raw({ type: () => true, limit: '1mb' }),
  });
  // Behind the stack, hand the request to the real consent action.
  app.use(async (req, res) => {
    const practiceId = req.path.split('/')[2] ?? '';
    const request = new Request(`http://${req.get('host')}${req.originalUrl}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: req.method === 'POST' ? new Uint8Array(req.body as Buffer) : undefined,
    });
    const response = await consentAction({ request, params: { practiceId }, context }).catch(
      (thrown: unknown) => thrown as Response,
    );
    res.status(response.status);
    response.headers.forEach((value, name) => {
      res.setHeader(name, value);
    });
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => {
    server = app.listen(0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(() => resolve(undefined)));
  await database?.close();
});

describe('consent generation through the server', () => {
  it('prints the patient name in the PDF and never in a log line', async () => {
    const { practice, cookies } = await createPracticeTeam(context, 'Logging Test Clinic');
    const response = await fetch(`${url}/practices/${practice.id}/documents/consent`, {
      method: 'POST',
      headers: {
        Cookie: cookies.clinician,
        Origin: url,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        route: 'iv',
        locale: 'en',
        paper: 'LETTER',
        patientName: PATIENT,
        date: '2026-11-21',
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { text } = await pdfText(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain(PATIENT);

    // The request was logged (path only), so the check below is not vacuous.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines.some((line) => line.includes('/documents/consent') && line.includes('POST'))).toBe(
      true,
    );
    expect(lines.join('\n')).not.toContain('Ravensworth');
    expect(lines.join('\n')).not.toContain('Philomena');
  });

  it('keeps the patient name out of the logs when the form is refused, too', async () => {
    const { practice, cookies } = await createPracticeTeam(context, 'Refused Log Clinic');
    const response = await fetch(`${url}/practices/${practice.id}/documents/consent`, {
      method: 'POST',
      headers: {
        Cookie: cookies.clinician,
        Origin: url,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ route: 'nasal-spray', locale: 'en', patientName: PATIENT }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain(PATIENT);
    expect(lines.join('\n')).not.toContain('Ravensworth');
  });
});
