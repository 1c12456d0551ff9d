import type { AppLoadContext } from '@remix-run/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.server';
import { createTestContext, createTestDatabase } from '../test/db';
import { getRequest, run } from '../test/requests';
import { loader } from './dev.outbox';

let database: Database;
let context: AppLoadContext;

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database);
});

afterAll(async () => {
  await database?.close();
});

describe('/dev/outbox', () => {
  it('lists e-mails sent through the outbox transport, newest first', async () => {
    await context.mail.send({ to: 'first@example.org', subject: 'First', text: 'one' });
    await context.mail.send({ to: 'second@example.org', subject: 'Second', text: 'two' });
    const outcome = await run(() =>
      loader({ request: getRequest('/dev/outbox'), params: {}, context }),
    );
    const { emails } = outcome.data as { emails: Array<{ to: string; subject: string }> };
    expect(emails.map((email) => email.to)).toEqual(['second@example.org', 'first@example.org']);
  });

  it('is a 404 when disabled (production without DEV_OUTBOX=1)', async () => {
    const production = createTestContext(database, { devOutboxEnabled: false });
    const outcome = await run(() =>
      loader({ request: getRequest('/dev/outbox'), params: {}, context: production }),
    );
    expect(outcome.status).toBe(404);
    expect(outcome.body).not.toContain('example.org');
  });
});
