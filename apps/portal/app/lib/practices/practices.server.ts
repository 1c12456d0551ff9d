import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server';
import { memberships, practices, users } from '../../db/schema.server';
import { type AuditActor, recordPracticeEvent } from './audit.server';
import type { MemberRole } from '../auth/roles';

/** A practice's profile as stored. */
export type Practice = typeof practices.$inferSelect;

/** The editable part of a practice's profile. */
export interface PracticeProfile {
  name: string;
  state: string;
  routes: string[];
  telehealth: boolean;
}

/** Creates a practice and makes `ownerId` its owner, in one transaction. */
export async function createPractice(
  db: Db,
  { ownerId, profile }: { ownerId: string; profile: PracticeProfile },
): Promise<Practice> {
  return db.transaction(async (tx) => {
    const [practice] = await tx.insert(practices).values(profile).returning();
    if (!practice) throw new Error('Inserting the practice returned no row');
    await tx
      .insert(memberships)
      .values({ practiceId: practice.id, userId: ownerId, role: 'owner' });
    return practice;
  });
}

/**
 * Updates a practice's profile and, when something changed, records which
 * fields in its audit log. Scoped by practiceId like every practice query.
 */
export async function updatePractice(
  db: Db,
  {
    practiceId,
    profile,
    actor,
  }: { practiceId: string; profile: PracticeProfile; actor: AuditActor },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(practices)
      .where(eq(practices.id, practiceId))
      .for('update');
    if (!before) return;
    await tx
      .update(practices)
      .set({ ...profile, updatedAt: new Date() })
      .where(eq(practices.id, practiceId));
    const changes = profileChanges(before, profile);
    if (changes.length > 0) {
      await recordPracticeEvent(tx, {
        practiceId,
        actor,
        action: 'settings-changed',
        details: { changes },
      });
    }
  });
}

function describeSetting(value: string | string[] | boolean): string {
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value;
}

/** The profile fields that differ, with their values before and after, as text. */
function profileChanges(before: PracticeProfile, after: PracticeProfile) {
  return (['name', 'state', 'routes', 'telehealth'] as const).flatMap((field) => {
    const from = describeSetting(before[field]);
    const to = describeSetting(after[field]);
    return from === to ? [] : [{ field, from, to }];
  });
}

/** The practices a user belongs to, with their role in each, by name. */
export async function listPracticesForUser(
  db: Db,
  userId: string,
): Promise<Array<{ id: string; name: string; role: MemberRole }>> {
  return db
    .select({ id: practices.id, name: practices.name, role: memberships.role })
    .from(memberships)
    .innerJoin(practices, eq(practices.id, memberships.practiceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(practices.name), asc(practices.id));
}

/** A user's membership in a practice with the practice itself, or null when not a member. */
export async function findMembership(
  db: Db,
  { practiceId, userId }: { practiceId: string; userId: string },
): Promise<{ practice: Practice; role: MemberRole } | null> {
  const [row] = await db
    .select({ practice: practices, role: memberships.role })
    .from(memberships)
    .innerJoin(practices, eq(practices.id, memberships.practiceId))
    .where(and(eq(memberships.practiceId, practiceId), eq(memberships.userId, userId)));
  return row ?? null;
}

/** The members of one practice, owners first. */
export async function listMembers(
  db: Db,
  practiceId: string,
): Promise<
  Array<{
    userId: string;
    name: string;
    email: string;
    role: MemberRole;
    maySeePatientDetails: boolean;
  }>
> {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      maySeePatientDetails: memberships.maySeePatientDetails,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.practiceId, practiceId))
    .orderBy(asc(memberships.role), asc(users.name));
}

/** Why a member could not be removed. */
export type RemoveMemberResult = 'removed' | 'not-a-member' | 'last-owner';

/**
 * Removes a member from a practice, refusing to remove the last owner. The
 * count and the delete run in one transaction with the practice row locked,
 * so two owners removing each other at once cannot leave a practice ownerless.
 * The audit entry (removed by `actor`, or left) commits with it.
 */
export async function removeMember(
  db: Db,
  { practiceId, userId, actor }: { practiceId: string; userId: string; actor: AuditActor },
): Promise<RemoveMemberResult> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select id from ${practices} where ${practices.id} = ${practiceId} for update`,
    );
    const [member] = await tx
      .select({ role: memberships.role, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.practiceId, practiceId), eq(memberships.userId, userId)));
    if (!member) return 'not-a-member';
    if (member.role === 'owner') {
      const [owners] = await tx
        .select({ count: sql<number>`count(*)::int` })
        .from(memberships)
        .where(and(eq(memberships.practiceId, practiceId), eq(memberships.role, 'owner')));
      if ((owners?.count ?? 0) <= 1) return 'last-owner';
    }
    await tx
      .delete(memberships)
      .where(and(eq(memberships.practiceId, practiceId), eq(memberships.userId, userId)));
    await recordPracticeEvent(tx, {
      practiceId,
      actor,
      ...(userId === actor.id
        ? { action: 'member-left' as const }
        : {
            action: 'member-removed' as const,
            details: { subject: { userId, name: member.name }, from: member.role },
          }),
    });
    return 'removed';
  });
}

/** What changing a member's role did. */
export type ChangeRoleResult =
  | { result: 'changed'; from: MemberRole; name: string }
  | { result: 'unchanged' | 'not-a-member' | 'last-owner' };

/**
 * Gives a member another role, refusing to demote the last owner. Like
 * removeMember, the check and the update run in one transaction with the
 * practice row locked, so two owners demoting each other at once cannot leave
 * the practice without an owner. The audit entry commits with the change.
 */
export async function changeMemberRole(
  db: Db,
  {
    practiceId,
    userId,
    role,
    actor,
  }: { practiceId: string; userId: string; role: MemberRole; actor: AuditActor },
): Promise<ChangeRoleResult> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select id from ${practices} where ${practices.id} = ${practiceId} for update`,
    );
    const [member] = await tx
      .select({ role: memberships.role, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.practiceId, practiceId), eq(memberships.userId, userId)));
    if (!member) return { result: 'not-a-member' };
    if (member.role === role) return { result: 'unchanged' };
    if (member.role === 'owner') {
      const [owners] = await tx
        .select({ count: sql<number>`count(*)::int` })
        .from(memberships)
        .where(and(eq(memberships.practiceId, practiceId), eq(memberships.role, 'owner')));
      if ((owners?.count ?? 0) <= 1) return { result: 'last-owner' };
    }
    await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.practiceId, practiceId), eq(memberships.userId, userId)));
    await recordPracticeEvent(tx, {
      practiceId,
      actor,
      action: 'role-changed',
      details: { subject: { userId, name: member.name }, from: member.role, to: role },
    });
    return { result: 'changed', from: member.role, name: member.name };
  });
}
