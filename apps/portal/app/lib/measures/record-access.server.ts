import { requirePracticeAccess, type PracticeAccess } from '../auth/practice-access.server';
import { type PatientDetailsSubject, maySeePatientDetails } from '../auth/patient-details-right';
import type { RequestArgs } from '../auth/session.server';
import type { Params } from '@remix-run/react';

/**
 * Who may see and save patient records and their scores: whoever may see
 * patient details (owners, clinicians, and staff an owner gave the right),
 * decided in one place, `maySeePatientDetails`.
 */
export function mayUsePatientRecords(access: PatientDetailsSubject): boolean {
  return maySeePatientDetails(access);
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
