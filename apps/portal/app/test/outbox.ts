import type { AppLoadContext } from '@remix-run/node';
import { readOutboxEmails } from '../lib/outbox.server';

/**
 * The outbox e-mails sent to an address, oldest first, decrypted. `storedText`
 * is the body as kept at rest (secrets redacted); `text` as delivered, with
 * the secrets, while this process still remembers it.
 */
export async function outboxMailsTo(context: AppLoadContext, address: string) {
  const emails = await readOutboxEmails(context.db, context.dataKeys, { limit: 100_000 });
  return emails
    .filter((email) => email.to === address)
    .reverse()
    .map((email) => ({
      ...email,
      storedText: email.text,
      text: context.mail.unredactedText?.(email.id) ?? email.text,
    }));
}
