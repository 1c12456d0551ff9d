import { lte } from 'drizzle-orm';
import type { Db } from '../../db/client.server';
import { patients } from '../../db/measures-schema.server';

/**
 * Deletes every patient record whose retention period has passed since its
 * last activity, with all its scores (cascade); packets that belonged to one
 * keep their own retention and simply lose the link. Returns how many records
 * were deleted. The packet retention sweep runs it.
 */
export async function purgeExpiredPatients(
  db: Db,
  { now = new Date() }: { now?: Date } = {},
): Promise<number> {
  const deleted = await db
    .delete(patients)
    .where(lte(patients.retainUntil, now))
    .returning({ id: patients.id });
  return deleted.length;
}
