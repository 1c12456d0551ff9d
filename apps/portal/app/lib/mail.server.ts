import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { createTransport } from 'nodemailer';
import type { Db } from '../db/client.server';
import { outboxEmails } from '../db/schema.server';
import { type DataKeyRing, encryptText, hashToken } from './crypto.server';
import { outboxContext } from './outbox.server';

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
  /** The patient packet the e-mail carries the link of: its stored copy goes with the packet's data. */
  packetId?: string;
}

/** Sends e-mail. The portal only depends on this interface; server.ts picks one from SMTP_URL. */
export interface MailTransport {
  send: (mail: Mail) => Promise<void>;
  /** True when a sent mail really leaves this server (SMTP); the outbox only stores it. */
  delivers?: boolean;
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
 * on /dev/outbox) with their secrets redacted and the recipient and body
 * encrypted under the data key: the outbox may hold a patient's address.
 * With `revealInDevOutbox` (set when /dev/outbox is on) this process also
 * remembers the full text in memory, so the outbox can show working links
 * until the server restarts.
 */
export function outboxTransport(
  db: Db,
  { dataKeys, revealInDevOutbox = false }: { dataKeys: DataKeyRing; revealInDevOutbox?: boolean },
): MailTransport {
  // Unredacted texts of the last e-mails with secrets, by outbox id, for
  // /dev/outbox only: memory, never the database, so links still work in
  // development and e2e runs while no usable token is ever at rest.
  const unredactedTexts = new LRUCache<string, string>({ max: 200 });
  return {
    unredactedText: (outboxId) => unredactedTexts.get(outboxId),
    async send({ secrets, packetId, ...mail }) {
      const id = randomUUID();
      await db.insert(outboxEmails).values({
        id,
        keyId: dataKeys.primary.id,
        packetId: packetId ?? null,
        to: encryptText(dataKeys, mail.to, outboxContext.to(id)),
        subject: mail.subject,
        text: encryptText(dataKeys, redactSecrets(mail.text, secrets), outboxContext.text(id)),
      });
      if (revealInDevOutbox && secrets?.length) unredactedTexts.set(id, mail.text);
    },
  };
}

/**
 * Delivers e-mail over SMTP with nodemailer. `url` is one connection string:
 * `smtps://user:pass@smtp.example.org:465?from=Clinic%20%3Cno-reply%40example.org%3E`
 * (`smtp://` upgrades with STARTTLS when the server offers it). The `from`
 * query parameter is the sender (default `no-reply@<host>`); other query
 * parameters are nodemailer options. Errors name the SMTP host, never the recipient.
 */
export function smtpTransport(url: string): MailTransport {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new Error('SMTP_URL must be a URL like smtps://user:pass@smtp.example.org:465', {
      cause,
    });
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new Error(`SMTP_URL must start with smtp:// or smtps://, got ${parsed.protocol}//`);
  }
  const from = parsed.searchParams.get('from') || `no-reply@${parsed.hostname}`;
  parsed.searchParams.delete('from');
  const transporter = createTransport(parsed.toString());
  return {
    delivers: true,
    async send(mail) {
      try {
        await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
      } catch (cause) {
        throw new Error(`Sending e-mail through ${parsed.hostname}:${parsed.port} failed`, {
          cause,
        });
      }
    },
  };
}

/** SMTP when SMTP_URL is set, else the outbox (development, demos, tests). */
export function mailTransportFromEnv(
  db: Db,
  smtpUrl: string | undefined,
  outboxOptions: { dataKeys: DataKeyRing; revealInDevOutbox?: boolean },
): MailTransport {
  return smtpUrl?.trim() ? smtpTransport(smtpUrl.trim()) : outboxTransport(db, outboxOptions);
}
