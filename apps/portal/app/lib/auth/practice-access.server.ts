import type { Params } from '@remix-run/react';
import { and, eq, gt } from 'drizzle-orm';
import * as z from 'zod';
import { memberships, practices, sessions, users } from '../../db/schema.server';
import type { Practice } from '../practices/practices.server';
import { hasRole } from './roles';
import type { MemberRole } from './roles';
import { loginRedirect, requireSession, sessionTokenHash } from './session.server';
import type { CurrentSession, RequestArgs } from './session.server';

/** What every practice loader/action gets back from {@link requirePracticeAccess}. */
export interface PracticeAccess {
  practice: Practice;
  practiceId: string;
  role: MemberRole;
  /** The owner's per-member grant of patient details; decide with `maySeePatientDetails`. */
  maySeePatientDetails: boolean;
  session: CurrentSession;
  user: CurrentSession['user'];
}

const PracticeIdSchema = z.uuid();

/**
 * THE tenant boundary. Every route under /practices/:practiceId calls this
 * first. It resolves the practice from the URL, requires a signed-in user
 * (else redirect to /login), requires membership (else 404 — a stranger cannot
 * tell whether the practice exists) and at least `minRole` (else 403). Query
 * functions then take `access.practiceId`, never an id from the form body.
 */
export async function requirePracticeAccess(
  args: RequestArgs & { params: Params },
  { minRole = 'staff' }: { minRole?: MemberRole } = {},
): Promise<PracticeAccess> {
  const parsed = PracticeIdSchema.safeParse(args.params.practiceId);
  if (!parsed.success) {
    await requireSession(args);
    throw notFound();
  }
  // One round trip: the live session, its user and their membership of this
  // practice; hot GETs reuse it for up to a second (see access-cache.server.ts).
  const found = await cachedSessionMembership(args, parsed.data);
  if (!found) throw loginRedirect(args.request);
  const { session, membership } = found;
  if (!membership) throw notFound();
  if (!hasRole(membership.role, minRole)) {
    throw new Response('You do not have permission to do this in this practice.', {
      status: 403,
      statusText: 'Forbidden',
    });
  }
  return {
    practice: membership.practice,
    practiceId: membership.practice.id,
    role: membership.role,
    maySeePatientDetails: membership.maySeePatientDetails,
    session,
    user: session.user,
  };
}

/** The answer of {@link findSessionMembership}, kept by the per-process access cache. */
export interface SessionMembership {
  session: CurrentSession;
  membership: { practice: Practice; role: MemberRole; maySeePatientDetails: boolean } | null;
  /** When the session expires (ms since the epoch). */
  expiresAt: number;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * {@link findSessionMembership}, answered from `context.accessCache` for GET
 * and HEAD requests when the server provides one. The key is the raw Cookie
 * header (what the answer was derived from) and the practice id.
 */
async function cachedSessionMembership(
  args: RequestArgs,
  practiceId: string,
): Promise<SessionMembership | null> {
  const cache = args.context.accessCache;
  const cookie = args.request.headers.get('Cookie');
  if (!cache || !cookie || !SAFE_METHODS.has(args.request.method)) {
    return findSessionMembership(args, practiceId);
  }
  const key = `${practiceId}\u0000${cookie}`;
  const hit = cache.get(key);
  if (hit && hit.expiresAt > Date.now()) return hit;
  const ticket = cache.ticket();
  const found = await findSessionMembership(args, practiceId);
  if (found) cache.set(key, found, ticket);
  return found;
}

/**
 * The live session of this request's cookie and the user's membership of
 * `practiceId` (null when not a member), in one query; null without a live
 * session. Same conditions as getCurrentSession + findMembership.
 */
async function findSessionMembership(
  args: RequestArgs,
  practiceId: string,
): Promise<SessionMembership | null> {
  const tokenHash = await sessionTokenHash(args);
  if (!tokenHash) return null;
  const [row] = await args.context.db
    .select({
      sessionId: sessions.id,
      expiresAt: sessions.expiresAt,
      currentPracticeId: sessions.currentPracticeId,
      id: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      maySeePatientDetails: memberships.maySeePatientDetails,
      practice: practices,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(
      memberships,
      and(eq(memberships.userId, users.id), eq(memberships.practiceId, practiceId)),
    )
    .leftJoin(practices, eq(practices.id, memberships.practiceId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date())));
  if (!row) return null;
  return {
    session: {
      sessionId: row.sessionId,
      currentPracticeId: row.currentPracticeId,
      user: { id: row.id, email: row.email, name: row.name },
    },
    membership:
      row.role && row.practice
        ? {
            practice: row.practice,
            role: row.role,
            maySeePatientDetails: row.maySeePatientDetails === true,
          }
        : null,
    expiresAt: row.expiresAt.getTime(),
  };
}

function notFound(): Response {
  return new Response('Not found', { status: 404, statusText: 'Not Found' });
}
