import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.server';
import { packetDocuments, packetEvents, patientPackets } from '../../db/packets-schema.server';
import { type DataKeyRing, hashToken, randomToken } from '../crypto.server';
import { packetEventRow } from './packet-events.server';
import { type PacketPatient, encryptPatient } from './packet-fields.server';

/** How long a patient's link works unless resent. */
export const LINK_LIFETIME_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

/** One document to put in a packet, with the exact content version the patient will read. */
export interface PacketDocumentInput {
  kind: 'handout' | 'consent';
  documentId: string;
  documentVersion: string;
  locale: string;
  routes: string[];
  contentSha256: string;
}

/** What creating a packet needs. */
export interface CreatePacketInput {
  practiceId: string;
  createdBy: string;
  locale: string;
  patient: PacketPatient;
  documents: PacketDocumentInput[];
  retentionDays: number;
  now?: Date;
}

/**
 * Stores a new packet with its documents and a `created` event in one
 * transaction, the patient's details encrypted. Returns the packet id and
 * the link token: only its hash is stored, so this is the one time it exists.
 */
export async function createPacket(
  db: Db,
  ring: DataKeyRing,
  input: CreatePacketInput,
): Promise<{ packetId: string; token: string }> {
  if (input.documents.length === 0) throw new Error('A packet needs at least one document');
  const now = input.now ?? new Date();
  const packetId = randomUUID();
  const token = randomToken();
  await db.transaction(async (tx) => {
    await tx.insert(patientPackets).values({
      id: packetId,
      practiceId: input.practiceId,
      createdBy: input.createdBy,
      locale: input.locale,
      ...encryptPatient(ring, packetId, input.patient),
      tokenHash: hashToken(token),
      tokenExpiresAt: new Date(now.getTime() + LINK_LIFETIME_DAYS * DAY_MS),
      retainUntil: new Date(now.getTime() + input.retentionDays * DAY_MS),
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(packetDocuments).values(
      input.documents.map((document, position) => ({
        practiceId: input.practiceId,
        packetId,
        position,
        ...document,
      })),
    );
    await tx.insert(packetEvents).values({
      ...packetEventRow(ring, {
        practiceId: input.practiceId,
        packetId,
        type: 'created',
        actor: 'member',
        userId: input.createdBy,
      }),
      createdAt: now,
    });
  });
  return { packetId, token };
}
