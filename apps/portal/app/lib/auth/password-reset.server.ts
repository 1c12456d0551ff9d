import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.server';
import { passwordResets, sessions, users } from '../../db/schema.server';
import { hashToken, randomToken } from '../crypto.server';
import type { MailTransport } from '../mail.server';
import { hashPassword } from './password.server';
import { RESET_LINK_MINUTES } from './reset-policy';
import { forgetLoginFailures } from './throttle.server';
import { normaliseEmail } from './users.server';

/**
 * Sends a reset link to `email` if it has an account; does nothing otherwise,
 * so the caller answers the same either way. The link's token is random (256
 * bits), single use, valid for an hour; only its hash is stored, and the
 * e-mail is stored with the token removed. A new link replaces older unused ones.
 */
export async function requestPasswordReset(
  { db, mail }: { db: Db; mail: MailTransport },
  { email, origin }: { email: string; origin: string },
): Promise<void> {
  const [user] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(users.email, normaliseEmail(email)));
  if (!user) return;
  const token = randomToken();
  await db.transaction(async (tx) => {
    await tx
      .delete(passwordResets)
      .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
    await tx.insert(passwordResets).values({
      userId: user.id,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + RESET_LINK_MINUTES * 60 * 1000),
    });
  });
  await mail.send({
    to: user.email,
    subject: 'Reset your Groundwork password',
    text: [
      'Someone, perhaps you, asked to reset the password of your Groundwork account.',
      '',
      `Choose a new password within ${RESET_LINK_MINUTES} minutes: ${origin}/reset-password/${token}`,
      '',
      'The link works once. If you did not ask for it, ignore this e-mail: your password stays as it is.',
    ].join('\n'),
    secrets: [token],
  });
}

/** Whether a reset token is usable (known, unused, unexpired). */
export async function isResetTokenUsable(db: Db, token: string): Promise<boolean> {
  const [row] = await db
    .select({ id: passwordResets.id })
    .from(passwordResets)
    .where(
      and(
        eq(passwordResets.tokenHash, hashToken(token)),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, new Date()),
      ),
    );
  return Boolean(row);
}

/**
 * Sets a new password with a reset token: the token is used up in one
 * conditional UPDATE (so it works once, even under concurrent posts), every
 * session of the user is revoked and the account's log-in throttle is
 * cleared. Returns false when the token is unknown, used or expired.
 */
export async function resetPassword(
  db: Db,
  { token, password }: { token: string; password: string },
): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [used] = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(passwordResets.tokenHash, hashToken(token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, new Date()),
        ),
      )
      .returning({ userId: passwordResets.userId });
    if (!used) return false;
    const [user] = await tx
      .update(users)
      .set({ passwordHash })
      .where(eq(users.id, used.userId))
      .returning({ email: users.email });
    await tx.delete(sessions).where(eq(sessions.userId, used.userId));
    if (user) await forgetLoginFailures(tx, user.email);
    return true;
  });
}
