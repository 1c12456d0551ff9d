import type { AppLoadContext } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import {
  type LinkRefusal,
  type PatientLink,
  type RequestOrigin,
  findPatientLink,
  linkRefusal,
  patientSession,
} from './patient-link.server';

/** Where a patient request comes from, for the access log. */
export function requestOrigin(request: Request, context: AppLoadContext): RequestOrigin {
  return {
    ipAddress: context.clientIp,
    userAgent: request.headers.get('user-agent')?.slice(0, 400) ?? undefined,
  };
}

/** What a patient page may use: the link's packet and the patient's session. */
export interface PatientAccess {
  token: string;
  link: PatientLink;
  session: { here: boolean };
  /** The packet is finished: reading and downloading only. */
  completed: boolean;
}

/** Headers every patient response carries: nothing cached, nothing indexed, no referrer with the token. */
export const PATIENT_HEADERS = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex, nofollow',
} as const;

/**
 * The link and the patient's confirmed session for a page behind the date of
 * birth; anything else goes back to the link's first page, which explains.
 * A finished packet stays readable (and downloadable) in the session that
 * finished it.
 */
export async function requirePatientAccess({
  request,
  params,
  context,
}: {
  request: Request;
  params: { token?: string };
  context: AppLoadContext;
}): Promise<PatientAccess> {
  const token = params.token ?? '';
  const back = () => redirect(`/p/${token}`, { headers: PATIENT_HEADERS });
  const found = await findPatientLink(context.db, token);
  if (!found.ok) throw back();
  const refusal: LinkRefusal | null = linkRefusal(found.link.packet);
  if (refusal && refusal !== 'completed') throw back();
  const session = await patientSession(request, context.sessionSecrets, found.link.packet);
  if (!session) throw back();
  return {
    token,
    link: found.link,
    session: { here: session.here },
    completed: refusal === 'completed',
  };
}
