import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.server';
import { packetEvents } from '../../db/packets-schema.server';
import type { DataKeyRing } from '../crypto.server';
import { encryptOptional, fieldContext } from './packet-fields.server';

/** Everything that can happen to a packet, in the order it usually does. */
export const PACKET_EVENT_TYPES = [
  'created',
  'sent',
  'resent',
  'opened',
  'birth-date-refused',
  'locked',
  'birth-date-confirmed',
  'viewed',
  'initialled',
  'electronic-consent',
  'signed',
  'downloaded',
  'countersigned',
  'sealed',
  'revoked',
  'purged',
] as const;

/** One kind of packet event. */
export type PacketEventType = (typeof PACKET_EVENT_TYPES)[number];

/** Who did it: the patient (through the link), a member (userId) or the server. */
export type PacketActor = 'patient' | 'member' | 'system';

/** What one event records. IP address and user agent are encrypted. */
export interface PacketEventInput {
  practiceId: string;
  packetId: string;
  packetDocumentId?: string | undefined;
  type: PacketEventType;
  actor: PacketActor;
  userId?: string | undefined;
  ipAddress?: string | undefined;
  userAgent?: string | undefined;
}

/** The columns of an event row, encrypted; for inserting in a transaction or a batch. */
export function packetEventRow(ring: DataKeyRing, event: PacketEventInput) {
  const id = randomUUID();
  const identifies = Boolean(event.ipAddress || event.userAgent);
  return {
    id,
    practiceId: event.practiceId,
    packetId: event.packetId,
    packetDocumentId: event.packetDocumentId ?? null,
    type: event.type,
    actor: event.actor,
    userId: event.userId ?? null,
    keyId: identifies ? ring.primary.id : null,
    ipAddress: encryptOptional(ring, event.ipAddress, fieldContext.eventIp(id)),
    userAgent: encryptOptional(ring, event.userAgent, fieldContext.eventUserAgent(id)),
  };
}

/** Appends one event to a packet's log. */
export async function recordPacketEvent(
  db: Db,
  ring: DataKeyRing,
  event: PacketEventInput,
): Promise<void> {
  await db.insert(packetEvents).values(packetEventRow(ring, event));
}
