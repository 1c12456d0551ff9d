import type { AppLoadContext } from '@remix-run/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.server';
import { outboxEmails } from '../db/schema.server';
import { dataKeyRing } from '../lib/crypto.server';
import { outboxTransport, redactedSecret } from '../lib/mail.server';
import { readOutboxEmails } from '../lib/outbox.server';
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

  it('stores secrets redacted, and shows them only from the sending process when revealing', async () => {
    const secret = 'sEcReT-token-0123456789abcdefghijklmnopqrstuv';
    const mail = {
      to: 'reveal@example.org',
      subject: 'Reset',
      text: `Open https://portal.test/reset-password/${secret} within an hour.`,
      secrets: [secret],
    };
    await context.mail.send(mail);
    await outboxTransport(context.db, { dataKeys: context.dataKeys }).send({
      ...mail,
      to: 'hidden@example.org',
    });

    // At rest the recipient and body are ciphertext; decrypted, the secret is still redacted.
    const raw = await context.db.select().from(outboxEmails);
    for (const row of raw) {
      expect(Buffer.from(row.to).includes(Buffer.from('example.org'))).toBe(false);
      expect(Buffer.from(row.text).includes(Buffer.from('reset-password'))).toBe(false);
    }
    const rows = await readOutboxEmails(context.db, context.dataKeys);
    for (const row of rows) expect(row.text).not.toContain(secret);
    expect(rows.find((row) => row.to === 'hidden@example.org')?.text).toBe(
      `Open https://portal.test/reset-password/${redactedSecret(secret)} within an hour.`,
    );

    const outcome = await run(() =>
      loader({ request: getRequest('/dev/outbox'), params: {}, context }),
    );
    const { emails } = outcome.data as { emails: Array<{ to: string; text: string }> };
    expect(emails.find((email) => email.to === 'reveal@example.org')?.text).toBe(mail.text);
    // Sent by a transport that does not reveal (production with DEV_OUTBOX unset): redacted.
    expect(emails.find((email) => email.to === 'hidden@example.org')?.text).not.toContain(secret);
  });

  it('marks an e-mail stored under a data key the server no longer has, instead of failing', async () => {
    const otherKeys = dataKeyRing([new Uint8Array(32).fill(9)]);
    await outboxTransport(context.db, { dataKeys: otherKeys }).send({
      to: 'old-key@example.org',
      subject: 'Old key',
      text: 'sent before a rotation',
    });
    const outcome = await run(() =>
      loader({ request: getRequest('/dev/outbox'), params: {}, context }),
    );
    expect(outcome.status).toBe(200);
    const { emails } = outcome.data as { emails: Array<{ subject: string; to: string }> };
    expect(emails.find((email) => email.subject === 'Old key')?.to).toBe(
      '[encrypted under a data key this server does not have]',
    );
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
