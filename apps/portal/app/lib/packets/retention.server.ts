import { and, inArray, isNull, lte } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../../db/client.server';
import {
  packetDocuments,
  packetEvents,
  packetSignatures,
  patientPackets,
} from '../../db/packets-schema.server';
import { outboxEmails } from '../../db/schema.server';
import type { DataKeyRing } from '../crypto.server';
import { purgeExpiredPatients } from '../measures/record-retention.server';
import { reencryptPacketData } from './key-rotation.server';
import { packetEventRow } from './packet-events.server';

const BATCH = 200;

/**
 * Deletes the personal data of every packet whose retention period has ended:
 * the patient's name, e-mail and date of birth, the link, initials,
 * signatures, the sealed PDF, the IP addresses and user agents of its
 * events, and its e-mails in the development outbox. The packet's shape (documents, versions, event types and times)
 * stays, with a `purged` event. Returns how many packets were purged.
 */
export async function purgeExpiredPackets(
  db: Db,
  ring: DataKeyRing,
  { now = new Date() }: { now?: Date } = {},
): Promise<number> {
  let purged = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const due = await tx
        .select({ id: patientPackets.id, practiceId: patientPackets.practiceId })
        .from(patientPackets)
        .where(and(lte(patientPackets.retainUntil, now), isNull(patientPackets.purgedAt)))
        .limit(BATCH);
      if (due.length === 0) return 0;
      const ids = due.map((packet) => packet.id);
      await tx
        .update(patientPackets)
        .set({
          patientName: null,
          patientEmail: null,
          patientBirthDate: null,
          tokenHash: null,
          sealedPdf: null,
          purgedAt: now,
          updatedAt: now,
        })
        .where(inArray(patientPackets.id, ids));
      await tx
        .update(packetDocuments)
        .set({ initials: null, keyId: null })
        .where(inArray(packetDocuments.packetId, ids));
      await tx.delete(packetSignatures).where(inArray(packetSignatures.packetId, ids));
      // The development outbox's copy of the e-mail holds the patient's address.
      await tx.delete(outboxEmails).where(inArray(outboxEmails.packetId, ids));
      await tx
        .update(packetEvents)
        .set({ ipAddress: null, userAgent: null, keyId: null })
        .where(inArray(packetEvents.packetId, ids));
      await tx.insert(packetEvents).values(
        due.map((packet) => ({
          ...packetEventRow(ring, {
            practiceId: packet.practiceId,
            packetId: packet.id,
            type: 'purged',
            actor: 'system',
          }),
          createdAt: now,
        })),
      );
      return due.length;
    });
    purged += batch;
    if (batch < BATCH) return purged;
  }
}

/** A running retention sweep; `stop` waits for a sweep in progress. */
export interface RetentionSweep {
  /** Runs one sweep now (also what the timer calls). */
  runOnce: () => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * Purges expired packets, deletes expired patient records (with their
 * scores) and re-encrypts data under retired keys, at start and then every
 * `intervalMs` (an hour). Logs counts only, never a packet's or record's contents.
 */
export function startRetentionSweep({
  db,
  dataKeys,
  logger,
  intervalMs = 60 * 60 * 1000,
}: {
  db: Db;
  dataKeys: DataKeyRing;
  logger: Pick<Logger, 'info' | 'error'>;
  intervalMs?: number;
}): RetentionSweep {
  let running: Promise<void> | undefined;
  const runOnce = () => {
    running ??= (async () => {
      try {
        const purged = await purgeExpiredPackets(db, dataKeys);
        const patientRecords = await purgeExpiredPatients(db);
        const { reencrypted, unreadable } = await reencryptPacketData(db, dataKeys);
        if (purged > 0 || patientRecords > 0 || reencrypted > 0 || unreadable > 0) {
          logger.info(
            { purged, patientRecords, reencrypted, unreadable },
            'packet retention sweep',
          );
        }
      } catch (error) {
        logger.error(
          { err: { type: error instanceof Error ? error.name : 'unknown' } },
          'packet retention sweep failed',
        );
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  void runOnce();
  const timer = setInterval(() => void runOnce(), intervalMs);
  timer.unref();
  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
