import { createCookie, redirect } from '@remix-run/node';
import type { AppLoadContext } from '@remix-run/node';
import { and, eq, gt, lt } from 'drizzle-orm';
import { sessions, users } from '../../db/schema.server';
import { hashToken, randomToken } from '../crypto.server';

const SESSION_DAYS = 30;

/** What loaders and actions receive; the subset of Remix's args the session helpers need. */
export interface RequestArgs {
  request: Request;
  context: AppLoadContext;
}

/** The signed-in user as the app sees it (never the password hash). */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

/** A live session row with its user. */
export interface CurrentSession {
  sessionId: string;
  currentPracticeId: string | null;
  user: SessionUser;
}

function sessionCookie(request: Request, secrets: string[]) {
  return createCookie('gw_session', {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secrets,
    // Secure whenever the request came over TLS (directly or via a trusted proxy).
    secure: new URL(request.url).protocol === 'https:',
    maxAge: SESSION_DAYS * 24 * 60 * 60,
  });
}

/**
 * The hash of the session token in a request's verified cookie, as stored in
 * `sessions.token_hash`; null when the cookie is absent or its signature is
 * wrong. Whether the session is live is up to the query that uses it.
 */
export async function sessionTokenHash({ request, context }: RequestArgs): Promise<string | null> {
  const token: unknown = await sessionCookie(request, context.sessionSecrets).parse(
    request.headers.get('Cookie'),
  );
  if (typeof token !== 'string' || token.length === 0) return null;
  return hashToken(token);
}

/** Where requireSession sends a visitor without a live session (coming back to this path). */
export function loginRedirect(request: Request): Response {
  const url = new URL(request.url);
  // Only the path comes back: query strings may carry tokens or personal data.
  const search = new URLSearchParams({ redirectTo: url.pathname });
  return redirect(`/login?${search}`);
}

/** Reads and verifies the session cookie; null when absent, forged, expired or revoked. */
export async function getCurrentSession({
  request,
  context,
}: RequestArgs): Promise<CurrentSession | null> {
  const tokenHash = await sessionTokenHash({ request, context });
  if (!tokenHash) return null;
  const [row] = await context.db
    .select({
      sessionId: sessions.id,
      currentPracticeId: sessions.currentPracticeId,
      id: users.id,
      email: users.email,
      name: users.name,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date())));
  if (!row) return null;
  return {
    sessionId: row.sessionId,
    currentPracticeId: row.currentPracticeId,
    user: { id: row.id, email: row.email, name: row.name },
  };
}

/** The signed-in session, or a redirect to /login that comes back here afterwards. */
export async function requireSession(args: RequestArgs): Promise<CurrentSession> {
  const session = await getCurrentSession(args);
  if (!session) throw loginRedirect(args.request);
  return session;
}

/** Starts a session for `userId` and returns the Set-Cookie header value. */
export async function startSession(args: RequestArgs, userId: string): Promise<string> {
  const token = randomToken();
  // Expired sessions are useless; drop this user's while we are here.
  await args.context.db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, new Date())));
  await args.context.db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000),
  });
  return sessionCookie(args.request, args.context.sessionSecrets).serialize(token);
}

/** Revokes the current session (if any) and returns a Set-Cookie header that clears the cookie. */
export async function endSession(args: RequestArgs): Promise<string> {
  const session = await getCurrentSession(args);
  if (session) {
    await args.context.db.delete(sessions).where(eq(sessions.id, session.sessionId));
    // Also when the request's own response has already closed (client gone).
    args.context.accessCache?.clear();
  }
  return sessionCookie(args.request, args.context.sessionSecrets).serialize('', { maxAge: 0 });
}

/** Revokes every session of a user ("log out everywhere"); returns how many were revoked. */
export async function endAllSessions(args: RequestArgs, userId: string): Promise<number> {
  const removed = await args.context.db
    .delete(sessions)
    .where(eq(sessions.userId, userId))
    .returning({ id: sessions.id });
  args.context.accessCache?.clear();
  return removed.length;
}

/** Remembers which practice this browser last switched to. */
export async function setCurrentPractice(
  args: RequestArgs,
  sessionId: string,
  practiceId: string,
): Promise<void> {
  await args.context.db
    .update(sessions)
    .set({ currentPracticeId: practiceId })
    .where(eq(sessions.id, sessionId));
}
