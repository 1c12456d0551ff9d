import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.server';
import { sessions, users } from '../../db/schema.server';
import { hashPassword, verifyPassword } from './password.server';
import type { SessionUser } from './session.server';

/** Normalises an e-mail address for storage and lookup. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Creates an account; returns null when the e-mail address is taken. */
export async function createUser(
  db: Db,
  input: { email: string; name: string; password: string },
): Promise<SessionUser | null> {
  const passwordHash = await hashPassword(input.password);
  const [user] = await db
    .insert(users)
    .values({ email: normaliseEmail(input.email), name: input.name.trim(), passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id, email: users.email, name: users.name });
  return user ?? null;
}

// Verified against when the account does not exist, so a wrong e-mail takes as
// long as a wrong password and timing does not reveal which accounts exist.
let decoyHash: Promise<string> | undefined;

/** The user whose e-mail and password match, or null. */
export async function authenticate(
  db: Db,
  input: { email: string; password: string },
): Promise<SessionUser | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(input.email)));
  if (!user) {
    decoyHash ??= hashPassword('decoy password that matches nothing');
    await verifyPassword(input.password, await decoyHash);
    return null;
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) return null;
  return { id: user.id, email: user.email, name: user.name };
}

/**
 * Changes a user's password when `currentPassword` is right, and signs out
 * every other browser of theirs (the one making the change stays signed in).
 */
export async function changePassword(
  db: Db,
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string },
): Promise<'changed' | 'wrong-password'> {
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, input.userId));
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    return 'wrong-password';
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, input.userId));
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, input.userId), ne(sessions.id, input.sessionId)));
  });
  return 'changed';
}
