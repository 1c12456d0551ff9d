import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.server';
import { memberships, users } from '../../db/schema.server';
import { type AuditActor, recordPracticeEvent } from './audit.server';

/** What giving or taking away the right to see patient details did. */
export type PatientDetailsGrantResult =
  | { result: 'granted' | 'revoked' | 'unchanged'; name: string }
  | { result: 'not-a-member' }
  | { result: 'not-staff' };

/**
 * Gives a staff member the right to see patient details, or takes it away
 * (owners and clinicians have it by their role, so only staff can be given
 * it). The change and its audit entry commit together.
 */
export async function setPatientDetailsRight(
  db: Db,
  {
    practiceId,
    userId,
    grant,
    actor,
  }: { practiceId: string; userId: string; grant: boolean; actor: AuditActor },
): Promise<PatientDetailsGrantResult> {
  return db.transaction(async (tx) => {
    const [member] = await tx
      .select({
        role: memberships.role,
        name: users.name,
        maySeePatientDetails: memberships.maySeePatientDetails,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.practiceId, practiceId), eq(memberships.userId, userId)))
      .for('update');
    if (!member) return { result: 'not-a-member' };
    if (member.role !== 'staff') return { result: 'not-staff' };
    if (member.maySeePatientDetails === grant) return { result: 'unchanged', name: member.name };
    await tx
      .update(memberships)
      .set({ maySeePatientDetails: grant })
      .where(and(eq(memberships.practiceId, practiceId), eq(memberships.userId, userId)));
    await recordPracticeEvent(tx, {
      practiceId,
      actor,
      action: grant ? 'patient-details-granted' : 'patient-details-revoked',
      details: { subject: { userId, name: member.name } },
    });
    return { result: grant ? 'granted' : 'revoked', name: member.name };
  });
}
