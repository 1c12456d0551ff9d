import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { consentPacketPdf } from '../lib/packets/sealed-record.server';
import {
  PATIENT_HEADERS,
  requestOrigin,
  requirePatientAccess,
} from '../lib/packets/patient-access.server';
import { recordPatientAccess } from '../lib/packets/patient-signing.server';

/** The patient downloads what they signed (the sealed PDF once the practice has countersigned). Logged. */
export async function loader(args: LoaderFunctionArgs) {
  const access = await requirePatientAccess(args);
  const { packet, documents, practice } = access.link;
  const consent = documents.find((document) => document.kind === 'consent' && document.signedAt);
  if (!consent) throw redirect(`/p/${access.token}`, { headers: PATIENT_HEADERS });
  const { db, dataKeys } = args.context;
  const pdf = await consentPacketPdf(db, dataKeys, { practice, packet, document: consent });
  await recordPatientAccess(db, dataKeys, {
    packet,
    document: consent,
    type: 'downloaded',
    origin: requestOrigin(args.request, args.context),
  });
  return new Response(Buffer.from(pdf), {
    headers: {
      ...PATIENT_HEADERS,
      'Content-Type': 'application/pdf',
      'Content-Disposition': 'attachment; filename="signed-consent.pdf"',
      'Content-Length': String(pdf.byteLength),
    },
  });
}
