import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.server';
import {
  type PracticeAuditAction,
  type PracticeAuditDetails,
  memberships,
  practiceAuditLog,
} from '../../db/schema.server';

/** Who did something: a user id and their name at the time. */
export interface AuditActor {
  id: string;
  name: string;
}

/** Appends one entry to a practice's audit log. Pass identifiers, roles and setting values only. */
export async function recordPracticeEvent(
  db: Db,
  input: {
    practiceId: string;
    actor: AuditActor;
    action: PracticeAuditAction;
    details?: PracticeAuditDetails;
  },
): Promise<void> {
  await db.insert(practiceAuditLog).values({
    practiceId: input.practiceId,
    actorId: input.actor.id,
    actorName: input.actor.name,
    action: input.action,
    details: input.details ?? {},
  });
}

/**
 * Records a log-in or log-out in the audit log of every practice the user
 * belongs to: a session is not tied to one practice, and each practice's
 * owners should see who signed in to its data.
 */
export async function recordSessionEvent(
  db: Db,
  input: { actor: AuditActor; action: 'log-in' | 'log-out'; details?: PracticeAuditDetails },
): Promise<void> {
  const practices = await db
    .select({ practiceId: memberships.practiceId })
    .from(memberships)
    .where(eq(memberships.userId, input.actor.id));
  if (practices.length === 0) return;
  await db.insert(practiceAuditLog).values(
    practices.map(({ practiceId }) => ({
      practiceId,
      actorId: input.actor.id,
      actorName: input.actor.name,
      action: input.action,
      details: input.details ?? {},
    })),
  );
}

/** The newest entries of one practice's audit log. */
export async function listPracticeAudit(db: Db, practiceId: string, { limit = 200 } = {}) {
  return db
    .select({
      id: practiceAuditLog.id,
      actorName: practiceAuditLog.actorName,
      action: practiceAuditLog.action,
      details: practiceAuditLog.details,
      createdAt: practiceAuditLog.createdAt,
    })
    .from(practiceAuditLog)
    .where(eq(practiceAuditLog.practiceId, practiceId))
    .orderBy(desc(practiceAuditLog.createdAt), desc(practiceAuditLog.id))
    .limit(limit);
}
