import type { Db } from '../db/client.server';
import { outboxEmails } from '../db/schema.server';

/** One plain-text e-mail. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail. The portal only depends on this interface; pick one with MAIL_TRANSPORT. */
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
