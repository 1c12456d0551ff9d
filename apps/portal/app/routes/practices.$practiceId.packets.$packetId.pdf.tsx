import type { LoaderFunctionArgs } from '@remix-run/node';
import { requirePracticeAccess } from '../lib/auth/practice-access.server';
import type { PracticeRouteHandle } from '../lib/auth/roles';
import { requestOrigin } from '../lib/packets/patient-access.server';
import { recordPacketEvent } from '../lib/packets/packet-events.server';
import { findPacket } from '../lib/packets/packets.server';
import { UuidParamSchema } from '../lib/packets/route-params';
import { consentPacketPdf } from '../lib/packets/sealed-record.server';

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { loader: 'clinician' } };

/** The signed consent form of a packet (sealed once countersigned), for clinicians and owners. Logged. */
export async function loader(args: LoaderFunctionArgs) {
  const { practice, practiceId, user } = await requirePracticeAccess(args, {
    minRole: 'clinician',
  });
  const packetId = UuidParamSchema.safeParse(args.params.packetId);
  if (!packetId.success) throw new Response('Packet not found', { status: 404 });
  const { db, dataKeys } = args.context;
  const found = await findPacket(db, { practiceId, packetId: packetId.data });
  const consent = found?.documents.find(
    (document) => document.kind === 'consent' && document.signedAt,
  );
  if (!found || !consent || found.packet.purgedAt) {
    throw new Response('No signed consent form in this packet', { status: 404 });
  }
  const pdf = await consentPacketPdf(db, dataKeys, {
    practice,
    packet: found.packet,
    document: consent,
  });
  await recordPacketEvent(db, dataKeys, {
    practiceId,
    packetId: found.packet.id,
    packetDocumentId: consent.id,
    type: 'downloaded',
    actor: 'member',
    userId: user.id,
    ...requestOrigin(args.request, args.context),
  });
  const name = found.packet.sealedPdf ? 'sealed-consent' : 'signed-consent';
  return new Response(Buffer.from(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${name}-${found.packet.id.slice(0, 8)}.pdf"`,
      'Cache-Control': 'no-store',
      'Content-Length': String(pdf.byteLength),
    },
  });
}
