import { LRUCache } from 'lru-cache';
import type { Db } from '../db/client.server';
import { outboxEmails } from '../db/schema.server';
import { hashToken } from './crypto.server';

/** One plain-text e-mail. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  /**
   * Values in `text` that are credentials (an invitation or password-reset
   * token): a transport may deliver them but must never store them.
   */
  secrets?: string[];
}

/** Sends e-mail. The portal only depends on this interface; pick one with MAIL_TRANSPORT. */
export interface MailTransport {
  send: (mail: Mail) => Promise<void>;
  /**
   * The outbox transport only: the full text of a stored (redacted) e-mail
   * while this process still remembers it, for /dev/outbox.
   */
  unredactedText?: (outboxId: string) => string | undefined;
}

/** How a stored e-mail shows a secret it carried: a marker with the start of the secret's SHA-256. */
export function redactedSecret(secret: string): string {
  return `[secret removed; sha256 ${hashToken(secret).slice(0, 12)}…]`;
}

/** The text with every secret replaced by its marker, as it may be stored. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let redacted = text;
  for (const secret of secrets) {
    if (secret.length > 0) redacted = redacted.split(secret).join(redactedSecret(secret));
  }
  return redacted;
}

/**
 * Writes e-mails to the `outbox_emails` table (development and tests; listed
 * on /dev/outbox) with their secrets redacted. With `revealInDevOutbox` (set
 * when /dev/outbox is on) this process also remembers the full text in memory,
 * so the outbox can show working links until the server restarts.
 */
export function outboxTransport(
  db: Db,
  { revealInDevOutbox = false }: { revealInDevOutbox?: boolean } = {},
): MailTransport {
  // Unredacted texts of the last e-mails with secrets, by outbox id, for
  // /dev/outbox only: memory, never the database, so links still work in
  // development and e2e runs while no usable token is ever at rest.
  const unredactedTexts = new LRUCache<string, string>({ max: 200 });
  return {
    unredactedText: (outboxId) => unredactedTexts.get(outboxId),
    async send({ secrets, ...mail }) {
      const [stored] = await db
        .insert(outboxEmails)
        .values({ ...mail, text: redactSecrets(mail.text, secrets) })
        .returning({ id: outboxEmails.id });
      if (revealInDevOutbox && stored && secrets?.length) unredactedTexts.set(stored.id, mail.text);
    },
  };
}
