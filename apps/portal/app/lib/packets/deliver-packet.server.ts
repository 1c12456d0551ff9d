import { toString as qrCodeSvg } from 'qrcode';
import type { Db } from '../../db/client.server';
import type { DataKeyRing } from '../crypto.server';
import type { MailTransport } from '../mail.server';
import { recordPacketEvent } from './packet-events.server';
import { packetMail } from './packet-mail.server';

/** The patient's link for a token, on this portal's origin. */
export function packetLink(origin: string, token: string): string {
  return `${origin}/p/${token}`;
}

/** A printable QR code of a link, as an SVG document (no script, no external reference). */
export function packetQrSvg(link: string): Promise<string> {
  return qrCodeSvg(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/**
 * E-mails the patient their link and records `sent`. A delivery failure is
 * reported (false), not thrown, and never logged: the clinician can still
 * give the link in person, and the error could name the patient's address.
 */
export async function deliverPacket({
  db,
  dataKeys,
  mail,
  practice,
  packetId,
  userId,
  email,
  locale,
  link,
  expiresAt,
}: {
  db: Db;
  dataKeys: DataKeyRing;
  mail: MailTransport;
  practice: { id: string; name: string };
  packetId: string;
  userId: string;
  email: string;
  locale: string;
  link: string;
  expiresAt: Date;
}): Promise<boolean> {
  try {
    await mail.send({
      ...packetMail({ to: email, practiceName: practice.name, link, expiresAt, locale }),
      // The link's token is redacted wherever the e-mail is kept (the outbox).
      secrets: [link.slice(link.lastIndexOf('/') + 1)],
      packetId,
    });
  } catch {
    return false;
  }
  await recordPacketEvent(db, dataKeys, {
    practiceId: practice.id,
    packetId,
    type: 'sent',
    actor: 'member',
    userId,
  });
  return true;
}
