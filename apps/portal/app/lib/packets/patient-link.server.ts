import { createHash, timingSafeEqual } from 'node:crypto';
import { createCookie } from '@remix-run/node';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server';
import { packetEvents, patientPackets } from '../../db/packets-schema.server';
import { practices } from '../../db/schema.server';
import { type DataKeyRing, hashToken } from '../crypto.server';
import { packetEventRow } from './packet-events.server';
import { decryptPatient } from './packet-fields.server';
import { type PacketDocumentRow, type PacketRow, findPacket } from './packets.server';

/** Wrong dates of birth in a row before the link locks. */
export const MAX_BIRTH_DATE_FAILURES = 5;

/** How long a confirmed date of birth lets the patient in (a reading and signing session). */
export const PATIENT_SESSION_MINUTES = 120;

/** Why a link does not open. */
export type LinkRefusal = 'unknown' | 'expired' | 'revoked' | 'locked' | 'completed' | 'deleted';

/** A packet reached through its link. */
export interface PatientLink {
  packet: PacketRow;
  documents: PacketDocumentRow[];
  practice: { id: string; name: string };
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The packet a link's token opens, or why it does not. Only the token's
 * SHA-256 is looked up. A link replaced by a newer one is `unknown`.
 */
export async function findPatientLink(
  db: Db,
  token: string | undefined,
): Promise<{ ok: true; link: PatientLink } | { ok: false; reason: LinkRefusal; locale: string }> {
  if (!token || !TOKEN_SHAPE.test(token)) return { ok: false, reason: 'unknown', locale: 'en' };
  const [row] = await db
    .select({
      packetId: patientPackets.id,
      practiceId: patientPackets.practiceId,
      name: practices.name,
    })
    .from(patientPackets)
    .innerJoin(practices, eq(practices.id, patientPackets.practiceId))
    .where(eq(patientPackets.tokenHash, hashToken(token)));
  if (!row) return { ok: false, reason: 'unknown', locale: 'en' };
  const found = await findPacket(db, { practiceId: row.practiceId, packetId: row.packetId });
  if (!found) return { ok: false, reason: 'unknown', locale: 'en' };
  return { ok: true, link: { ...found, practice: { id: row.practiceId, name: row.name } } };
}

/** Why this link may not be used for reading and signing now (null: it may). */
export function linkRefusal(packet: PacketRow, now = new Date()): LinkRefusal | null {
  if (packet.purgedAt) return 'deleted';
  if (packet.revokedAt) return 'revoked';
  if (packet.completedAt) return 'completed';
  if (packet.lockedAt) return 'locked';
  if (!packet.tokenExpiresAt || packet.tokenExpiresAt <= now) return 'expired';
  return null;
}

/** What the patient's cookie holds once they confirmed their date of birth. */
interface PatientSessionValue {
  packetId: string;
  /** The link it was confirmed through: a new link ends the session. */
  tokenHash: string;
  confirmedAt: number;
  here: boolean;
}

function patientCookie(request: Request, secrets: string[]) {
  return createCookie('gw_packet', {
    httpOnly: true,
    sameSite: 'strict',
    path: '/p/',
    secrets,
    secure: new URL(request.url).protocol === 'https:',
    maxAge: PATIENT_SESSION_MINUTES * 60,
  });
}

/** The Set-Cookie header that lets the patient in after confirming their date of birth. */
export function startPatientSession(
  request: Request,
  secrets: string[],
  value: Omit<PatientSessionValue, 'confirmedAt'>,
): Promise<string> {
  return patientCookie(request, secrets).serialize({ ...value, confirmedAt: Date.now() });
}

/** The patient's session for this packet and link, or null (absent, another packet, old link, too old). */
export async function patientSession(
  request: Request,
  secrets: string[],
  packet: PacketRow,
): Promise<PatientSessionValue | null> {
  const value = (await patientCookie(request, secrets).parse(
    request.headers.get('Cookie'),
  )) as PatientSessionValue | null;
  if (!value || typeof value !== 'object') return null;
  if (value.packetId !== packet.id || value.tokenHash !== packet.tokenHash) return null;
  if (Date.now() - value.confirmedAt > PATIENT_SESSION_MINUTES * 60 * 1000) return null;
  return value;
}

function sameText(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** Where the request came from, for the access log (encrypted). */
export interface RequestOrigin {
  ipAddress: string;
  userAgent: string | undefined;
}

/**
 * Checks the date of birth a patient typed. A match resets the count; a miss
 * counts, and the fifth miss in a row locks the link until the practice makes
 * a new one. Each outcome is an event.
 */
export async function confirmBirthDate(
  db: Db,
  ring: DataKeyRing,
  { packet, birthDate, origin }: { packet: PacketRow; birthDate: string; origin: RequestOrigin },
): Promise<
  { outcome: 'confirmed' } | { outcome: 'wrong'; remaining: number } | { outcome: 'locked' }
> {
  const patient = decryptPatient(ring, packet);
  const event = (type: 'birth-date-confirmed' | 'birth-date-refused' | 'locked') =>
    packetEventRow(ring, {
      practiceId: packet.practiceId,
      packetId: packet.id,
      type,
      actor: 'patient',
      ...origin,
    });
  if (patient && sameText(patient.birthDate, birthDate.trim())) {
    await db.transaction(async (tx) => {
      await tx
        .update(patientPackets)
        .set({ birthDateFailures: 0 })
        .where(eq(patientPackets.id, packet.id));
      await tx.insert(packetEvents).values(event('birth-date-confirmed'));
    });
    return { outcome: 'confirmed' };
  }
  return db.transaction(async (tx) => {
    const [counted] = await tx
      .update(patientPackets)
      .set({ birthDateFailures: sql`${patientPackets.birthDateFailures} + 1` })
      .where(and(eq(patientPackets.id, packet.id), isNull(patientPackets.lockedAt)))
      .returning({ failures: patientPackets.birthDateFailures });
    if (!counted) return { outcome: 'locked' as const };
    await tx.insert(packetEvents).values(event('birth-date-refused'));
    if (counted.failures >= MAX_BIRTH_DATE_FAILURES) {
      await tx
        .update(patientPackets)
        .set({ lockedAt: new Date() })
        .where(eq(patientPackets.id, packet.id));
      await tx.insert(packetEvents).values(event('locked'));
      return { outcome: 'locked' as const };
    }
    return { outcome: 'wrong' as const, remaining: MAX_BIRTH_DATE_FAILURES - counted.failures };
  });
}
