import type { PracticeAuditAction, PracticeAuditDetails } from '../../db/schema.server';

/** One audit entry in words, e.g. "changed Carl Clinician's role from clinician to staff". */
export function describeAuditEvent(
  action: PracticeAuditAction,
  details: PracticeAuditDetails,
): string {
  const subject = details.subject?.name ?? 'a former member';
  switch (action) {
    case 'log-in':
      return 'logged in';
    case 'log-out':
      return details.everywhere ? 'logged out of every browser' : 'logged out';
    case 'role-changed':
      return `changed ${subject}'s role from ${details.from ?? '?'} to ${details.to ?? '?'}`;
    case 'member-removed':
      return `removed ${subject} (${details.from ?? 'member'}) from the practice`;
    case 'member-left':
      return 'left the practice';
    case 'settings-changed':
      return `changed the practice profile: ${(details.changes ?? [])
        .map((change) => `${change.field} from “${change.from}” to “${change.to}”`)
        .join('; ')}`;
    case 'medical-director-changed':
      return `named ${details.to ?? 'nobody'} medical director (was ${details.from ?? 'nobody'})`;
    case 'document-signed-off':
      return details.document
        ? `signed off “${details.document.title}” version ${details.document.version} as ${details.document.signedAs}`
        : 'signed off a document';
    case 'patient-details-granted':
      return `gave ${subject} the right to see patient details`;
    case 'patient-details-revoked':
      return `took away ${subject}'s right to see patient details`;
    case 'seal-certificate-uploaded':
      return details.certificate
        ? `uploaded the sealing certificate “${details.certificate.subject}” (SHA-256 ${details.certificate.sha256.slice(0, 16)}…)`
        : 'uploaded a sealing certificate';
    case 'seal-certificate-reverted':
      return 'went back to the generated sealing certificate';
    default:
      return action;
  }
}
