import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server';
import { patients } from '../../db/measures-schema.server';
import { packetSettings, patientPackets } from '../../db/packets-schema.server';

import { DEFAULT_RETENTION_DAYS, RETENTION_LIMITS } from './retention-limits';

export { DEFAULT_RETENTION_DAYS, RETENTION_LIMITS };

/** How many days a practice keeps a packet's personal data after sending it. */
export async function retentionDaysFor(db: Db, practiceId: string): Promise<number> {
  const [row] = await db
    .select({ retentionDays: packetSettings.retentionDays })
    .from(packetSettings)
    .where(eq(packetSettings.practiceId, practiceId));
  return row?.retentionDays ?? DEFAULT_RETENTION_DAYS;
}

/**
 * Sets a practice's retention period, for new packets and for those not yet
 * deleted, and for patient records (counted from their last activity).
 */
export async function setRetentionDays(
  db: Db,
  { practiceId, retentionDays }: { practiceId: string; retentionDays: number },
): Promise<void> {
  if (
    !Number.isInteger(retentionDays) ||
    retentionDays < RETENTION_LIMITS.min ||
    retentionDays > RETENTION_LIMITS.max
  ) {
    throw new Error(
      `retentionDays must be a whole number from ${RETENTION_LIMITS.min} to ${RETENTION_LIMITS.max}, got ${retentionDays}`,
    );
  }
  await db.transaction(async (tx) => {
    await tx
      .insert(packetSettings)
      .values({ practiceId, retentionDays })
      .onConflictDoUpdate({
        target: packetSettings.practiceId,
        set: { retentionDays, updatedAt: new Date() },
      });
    await tx
      .update(patientPackets)
      .set({
        retainUntil: sql`${patientPackets.createdAt} + (${retentionDays}::double precision * interval '1 day')`,
      })
      .where(and(eq(patientPackets.practiceId, practiceId), isNull(patientPackets.purgedAt)));
    await tx
      .update(patients)
      .set({
        retainUntil: sql`${patients.lastActivityAt} + (${retentionDays}::double precision * interval '1 day')`,
      })
      .where(eq(patients.practiceId, practiceId));
  });
}
