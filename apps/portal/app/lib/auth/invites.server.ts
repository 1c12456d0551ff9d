import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.server';
import { invites, memberships, practices } from '../../db/schema.server';
import { hashToken, randomToken } from '../crypto.server';
import { INVITE_DAYS } from './invite-policy';
import type { MemberRole } from './roles';

/** Creates an invite and returns the one-time token (shown once; only its hash is stored). */
export async function createInvite(
  db: Db,
  input: { practiceId: string; email: string; role: MemberRole; invitedBy: string },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + INVITE_DAYS * 24 * 60 * 60 * 1000);
  await db.insert(invites).values({
    practiceId: input.practiceId,
    email: input.email,
    role: input.role,
    invitedBy: input.invitedBy,
    tokenHash: hashToken(token),
    expiresAt,
  });
  return { token, expiresAt };
}

/** Pending (unaccepted, unexpired) invites of one practice, newest first. */
export async function listPendingInvites(db: Db, practiceId: string) {
  return db
    .select({
      id: invites.id,
      email: invites.email,
      role: invites.role,
      expiresAt: invites.expiresAt,
    })
    .from(invites)
    .where(
      and(
        eq(invites.practiceId, practiceId),
        isNull(invites.acceptedAt),
        gt(invites.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(invites.createdAt));
}

/** Revokes a pending invite of one practice. */
export async function revokeInvite(
  db: Db,
  { practiceId, inviteId }: { practiceId: string; inviteId: string },
) {
  await db
    .delete(invites)
    .where(
      and(eq(invites.practiceId, practiceId), eq(invites.id, inviteId), isNull(invites.acceptedAt)),
    );
}

/** A usable invite found by its token, with the practice's name; null when unknown, used or expired. */
export async function findInvite(db: Db, token: string) {
  const [row] = await db
    .select({
      id: invites.id,
      practiceId: invites.practiceId,
      practiceName: practices.name,
      email: invites.email,
      role: invites.role,
    })
    .from(invites)
    .innerJoin(practices, eq(practices.id, invites.practiceId))
    .where(
      and(
        eq(invites.tokenHash, hashToken(token)),
        isNull(invites.acceptedAt),
        gt(invites.expiresAt, new Date()),
      ),
    );
  return row ?? null;
}

/**
 * Accepts an invite for `userId`: marks it used (only if still unused, so a
 * token works once even under concurrent clicks) and adds the membership. An
 * existing member keeps their current role.
 */
export async function acceptInvite(
  db: Db,
  { token, userId }: { token: string; userId: string },
): Promise<{ practiceId: string } | null> {
  return db.transaction(async (tx) => {
    const [used] = await tx
      .update(invites)
      .set({ acceptedAt: new Date(), acceptedBy: userId })
      .where(
        and(
          eq(invites.tokenHash, hashToken(token)),
          isNull(invites.acceptedAt),
          gt(invites.expiresAt, new Date()),
        ),
      )
      .returning({ practiceId: invites.practiceId, role: invites.role });
    if (!used) return null;
    await tx
      .insert(memberships)
      .values({ practiceId: used.practiceId, userId, role: used.role })
      .onConflictDoNothing();
    return { practiceId: used.practiceId };
  });
}
