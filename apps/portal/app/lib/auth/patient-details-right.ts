import { hasRole, type MemberRole } from './roles';

/** What decides a member's right to patient details: their role and the per-member grant. */
export interface PatientDetailsSubject {
  role: MemberRole;
  /** The owner's grant on the members page (`memberships.may_see_patient_details`). */
  maySeePatientDetails: boolean;
}

/**
 * The one place deciding who sees patient details: packets' names, e-mails,
 * dates of birth and access-log origins, and patient records. Owners and
 * clinicians always may; staff only when an owner gave them the right.
 */
export function maySeePatientDetails(member: PatientDetailsSubject): boolean {
  return hasRole(member.role, 'clinician') || member.maySeePatientDetails;
}
