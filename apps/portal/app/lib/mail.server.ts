import { createTransport } from 'nodemailer';
import type { Db } from '../db/client.server';
import { outboxEmails } from '../db/schema.server';

/** One plain-text e-mail. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail. The portal only depends on this interface; server.ts picks one from SMTP_URL. */
export interface MailTransport {
  send: (mail: Mail) => Promise<void>;
}

/** Writes e-mails to the `outbox_emails` table (development and tests; listed on /dev/outbox). */
export function outboxTransport(db: Db): MailTransport {
  return {
    async send(mail) {
      await db.insert(outboxEmails).values(mail);
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
export function mailTransportFromEnv(db: Db, smtpUrl: string | undefined): MailTransport {
  return smtpUrl?.trim() ? smtpTransport(smtpUrl.trim()) : outboxTransport(db);
}
