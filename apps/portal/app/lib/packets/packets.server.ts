import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.server';
import { packetDocuments, packetEvents, patientPackets } from '../../db/packets-schema.server';
import { outboxEmails } from '../../db/schema.server';
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

/** A packet row as stored. */
export type PacketRow = typeof patientPackets.$inferSelect;

/** A packet document row as stored. */
export type PacketDocumentRow = typeof packetDocuments.$inferSelect;

/** The packets of a practice, newest first, each with its documents. */
export async function listPackets(
  db: Db,
  { practiceId, limit = 200 }: { practiceId: string; limit?: number },
): Promise<Array<{ packet: PacketRow; documents: PacketDocumentRow[] }>> {
  const packets = await db
    .select()
    .from(patientPackets)
    .where(eq(patientPackets.practiceId, practiceId))
    .orderBy(desc(patientPackets.createdAt), desc(patientPackets.id))
    .limit(limit);
  if (packets.length === 0) return [];
  const documents = await db
    .select()
    .from(packetDocuments)
    .where(
      and(
        eq(packetDocuments.practiceId, practiceId),
        inArray(
          packetDocuments.packetId,
          packets.map((packet) => packet.id),
        ),
      ),
    )
    .orderBy(asc(packetDocuments.position));
  return packets.map((packet) => ({
    packet,
    documents: documents.filter((document) => document.packetId === packet.id),
  }));
}

/** One packet of a practice with its documents, or null (another practice's id finds nothing). */
export async function findPacket(
  db: Db,
  { practiceId, packetId }: { practiceId: string; packetId: string },
): Promise<{ packet: PacketRow; documents: PacketDocumentRow[] } | null> {
  const [packet] = await db
    .select()
    .from(patientPackets)
    .where(and(eq(patientPackets.practiceId, practiceId), eq(patientPackets.id, packetId)));
  if (!packet) return null;
  const documents = await db
    .select()
    .from(packetDocuments)
    .where(and(eq(packetDocuments.practiceId, practiceId), eq(packetDocuments.packetId, packetId)))
    .orderBy(asc(packetDocuments.position));
  return { packet, documents };
}

/** A packet's events, oldest first. */
export async function listPacketEvents(
  db: Db,
  { practiceId, packetId }: { practiceId: string; packetId: string },
) {
  return db
    .select()
    .from(packetEvents)
    .where(and(eq(packetEvents.practiceId, practiceId), eq(packetEvents.packetId, packetId)))
    .orderBy(asc(packetEvents.createdAt), asc(packetEvents.id));
}

/**
 * Gives a packet a new link (resend, or a link for signing here now): the old
 * link stops working, the date-of-birth lock is lifted and the link lives
 * another {@link LINK_LIFETIME_DAYS} days. Null when the packet cannot take
 * one (signed, revoked, deleted, or not this practice's).
 */
export async function issuePacketLink(
  db: Db,
  ring: DataKeyRing,
  {
    practiceId,
    packetId,
    userId,
    now = new Date(),
  }: { practiceId: string; packetId: string; userId: string; now?: Date },
): Promise<{ token: string; expiresAt: Date } | null> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + LINK_LIFETIME_DAYS * DAY_MS);
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(patientPackets)
      .set({
        tokenHash: hashToken(token),
        tokenExpiresAt: expiresAt,
        birthDateFailures: 0,
        lockedAt: null,
        updatedAt: now,
      })
      .where(
        and(
          eq(patientPackets.practiceId, practiceId),
          eq(patientPackets.id, packetId),
          isNull(patientPackets.completedAt),
          isNull(patientPackets.revokedAt),
          isNull(patientPackets.purgedAt),
        ),
      )
      .returning({ id: patientPackets.id });
    if (updated.length === 0) return null;
    await tx.insert(packetEvents).values({
      ...packetEventRow(ring, { practiceId, packetId, type: 'resent', actor: 'member', userId }),
      createdAt: now,
    });
    return { token, expiresAt };
  });
}

/** Revokes a packet's link for good (the link then says so). False when there was nothing to revoke. */
export async function revokePacket(
  db: Db,
  ring: DataKeyRing,
  { practiceId, packetId, userId }: { practiceId: string; packetId: string; userId: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(patientPackets)
      .set({ revokedAt: new Date(), updatedAt: new Date() })
      .where(
        and(
          eq(patientPackets.practiceId, practiceId),
          eq(patientPackets.id, packetId),
          isNull(patientPackets.revokedAt),
          isNull(patientPackets.completedAt),
          isNull(patientPackets.purgedAt),
        ),
      )
      .returning({ id: patientPackets.id });
    if (updated.length === 0) return false;
    await tx
      .insert(packetEvents)
      .values(
        packetEventRow(ring, { practiceId, packetId, type: 'revoked', actor: 'member', userId }),
      );
    // The link is dead: the outbox's copies of the e-mails (the patient's address) go too.
    await tx.delete(outboxEmails).where(eq(outboxEmails.packetId, packetId));
    return true;
  });
}
