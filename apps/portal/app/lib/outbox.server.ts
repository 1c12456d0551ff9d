import { desc } from 'drizzle-orm';
import type { Db } from '../db/client.server';
import { outboxEmails } from '../db/schema.server';
import { type DataKeyRing, decryptText } from './crypto.server';

/** Where an outbox e-mail's encrypted values live (authenticated with them, as for packets). */
export const outboxContext = {
  to: (emailId: string) => `outbox_emails.to:${emailId}`,
  text: (emailId: string) => `outbox_emails.text:${emailId}`,
} as const;

/** An outbox e-mail, decrypted (its secrets still redacted). */
export interface OutboxEmail {
  id: string;
  packetId: string | null;
  to: string;
  subject: string;
  text: string;
  createdAt: Date;
}

/**
 * The newest e-mails of the outbox, decrypted, for /dev/outbox and tests. One
 * stored under a data key that is no longer configured reads as a notice.
 */
export async function readOutboxEmails(
  db: Db,
  ring: DataKeyRing,
  { limit = 50 }: { limit?: number } = {},
): Promise<OutboxEmail[]> {
  const rows = await db
    .select()
    .from(outboxEmails)
    .orderBy(desc(outboxEmails.createdAt))
    .limit(limit);
  return rows.map((row) => {
    const read = (value: Uint8Array, context: string) => {
      try {
        return decryptText(ring, value, context);
      } catch {
        return '[encrypted under a data key this server does not have]';
      }
    };
    return {
      id: row.id,
      packetId: row.packetId,
      to: read(row.to, outboxContext.to(row.id)),
      subject: row.subject,
      text: read(row.text, outboxContext.text(row.id)),
      createdAt: row.createdAt,
    };
  });
}
