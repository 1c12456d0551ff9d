import { requirePracticeAccess, type PracticeAccess } from '../auth/practice-access.server';
import { hasRole, type MemberRole } from '../auth/roles';
import type { RequestArgs } from '../auth/session.server';
import type { Params } from '@remix-run/react';

/**
 * Who may see and save patient records and their scores. The one place this
 * is decided (today: clinicians and owners, as for packets' patient details),
 * so a per-member right can replace it later.
 */
export function mayUsePatientRecords(access: { role: MemberRole }): boolean {
  return hasRole(access.role, 'clinician');
}

/**
 * The practice access of a patient-record route: a member of the practice
 * (else 404 / log-in, from requirePracticeAccess) who may use patient records
 * (else 403).
 */
export async function requirePatientRecordAccess(
  args: RequestArgs & { params: Params },
): Promise<PracticeAccess> {
  const access = await requirePracticeAccess(args);
  if (!mayUsePatientRecords(access)) {
    throw new Response('You do not have permission to see patient records in this practice.', {
      status: 403,
      statusText: 'Forbidden',
    });
  }
  return access;
}
