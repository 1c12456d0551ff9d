import type { Params } from '@remix-run/react';
import { z } from 'zod';
import { findMembership } from './practices.server';
import type { Practice } from './practices.server';
import { hasRole } from './roles';
import type { MemberRole } from './roles';
import { requireSession } from './session.server';
import type { CurrentSession, RequestArgs } from './session.server';

/** What every practice loader/action gets back from {@link requirePracticeAccess}. */
export interface PracticeAccess {
  practice: Practice;
  practiceId: string;
  role: MemberRole;
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
  const session = await requireSession(args);
  const parsed = PracticeIdSchema.safeParse(args.params.practiceId);
  if (!parsed.success) throw notFound();
  const membership = await findMembership(args.context.db, {
    practiceId: parsed.data,
    userId: session.user.id,
  });
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
    session,
    user: session.user,
  };
}

function notFound(): Response {
  return new Response('Not found', { status: 404, statusText: 'Not Found' });
}
