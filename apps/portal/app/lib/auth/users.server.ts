import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.server';
import { users } from '../../db/schema.server';
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
