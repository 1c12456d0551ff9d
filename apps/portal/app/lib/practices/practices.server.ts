import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server';
import { memberships, practices, users } from '../../db/schema.server';
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

/** Updates a practice's profile. Scoped by practiceId like every practice query. */
export async function updatePractice(
  db: Db,
  { practiceId, profile }: { practiceId: string; profile: PracticeProfile },
): Promise<void> {
  await db
    .update(practices)
    .set({ ...profile, updatedAt: new Date() })
    .where(eq(practices.id, practiceId));
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
): Promise<Array<{ userId: string; name: string; email: string; role: MemberRole }>> {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
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
 */
export async function removeMember(
  db: Db,
  { practiceId, userId }: { practiceId: string; userId: string },
): Promise<RemoveMemberResult> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select id from ${practices} where ${practices.id} = ${practiceId} for update`,
    );
    const [member] = await tx
      .select({ role: memberships.role })
      .from(memberships)
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
    return 'removed';
  });
}
