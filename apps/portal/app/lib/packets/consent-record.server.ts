import type { Locale, Route } from '@groundwork/content';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.server';
import { packetSignatures } from '../../db/packets-schema.server';
import { type DataKeyRing, decryptBytes, decryptText } from '../crypto.server';
import { brandKitInputFor, currentRenderBrand } from '../documents/brand-kit.server';
import { documentMeta } from '../documents/catalogue.server';
import { listMembers } from '../practices/practices.server';
import { decryptOptional, decryptPatient, fieldContext } from './packet-fields.server';
import type { PacketDocumentRow, PacketRow } from './packets.server';
import { listPacketEvents } from './packets.server';
import type { CertificateSigner } from './signature-certificate';
import { type PlacedSignature, signedConsentPdf } from './signed-pdf.server';

/** A decrypted signature of a packet document, for drawing and for the certificate. */
export type DecryptedSignature = PlacedSignature & CertificateSigner;

/** The signatures on one packet document, oldest first, decrypted. */
export async function documentSignatures(
  db: Db,
  ring: DataKeyRing,
  { practiceId, documentId }: { practiceId: string; documentId: string },
): Promise<DecryptedSignature[]> {
  const rows = await db
    .select()
    .from(packetSignatures)
    .where(
      and(
        eq(packetSignatures.practiceId, practiceId),
        eq(packetSignatures.packetDocumentId, documentId),
      ),
    )
    .orderBy(asc(packetSignatures.signedAt));
  return rows.map((row) => ({
    party: row.party as PlacedSignature['party'],
    name: decryptText(ring, row.signerName, fieldContext.signerName(row.id)),
    method: row.method as PlacedSignature['method'],
    image: row.image ? decryptBytes(ring, row.image, fieldContext.signatureImage(row.id)) : null,
    signedAt: row.signedAt,
    electronicConsentAt: row.electronicConsentAt,
    ipAddress: decryptOptional(ring, row.ipAddress, fieldContext.signatureIp(row.id)),
    userAgent: decryptOptional(ring, row.userAgent, fieldContext.signatureUserAgent(row.id)),
  }));
}

/**
 * The signed consent form of a packet document as a PDF (initials,
 * signatures, certificate with every event so far), not yet sealed.
 */
export async function consentRecordPdf(
  db: Db,
  ring: DataKeyRing,
  {
    practice,
    packet,
    document,
  }: { practice: { id: string; name: string }; packet: PacketRow; document: PacketDocumentRow },
): Promise<Uint8Array> {
  const patient = decryptPatient(ring, packet);
  if (!patient)
    throw new Error('This packet’s personal data was deleted: there is nothing to print');
  const signatures = await documentSignatures(db, ring, {
    practiceId: practice.id,
    documentId: document.id,
  });
  const initials = document.initials
    ? (JSON.parse(
        decryptText(ring, document.initials, fieldContext.initials(document.id)),
      ) as Record<string, string>)
    : {};
  const members = new Map(
    (await listMembers(db, practice.id)).map((member) => [member.userId, member.name]),
  );
  const events = (await listPacketEvents(db, { practiceId: practice.id, packetId: packet.id })).map(
    (event) => ({
      at: event.createdAt,
      type: event.type,
      who:
        event.actor === 'patient'
          ? 'Patient'
          : event.actor === 'system'
            ? 'Server'
            : (members.get(event.userId ?? '') ?? 'Former member'),
      ipAddress: decryptOptional(ring, event.ipAddress, fieldContext.eventIp(event.id)),
      userAgent: decryptOptional(ring, event.userAgent, fieldContext.eventUserAgent(event.id)),
    }),
  );
  const brand = await currentRenderBrand(db, practice);
  let title = document.documentId;
  try {
    title = documentMeta(document.documentId, document.locale as Locale).title;
  } catch {}
  return signedConsentPdf({
    brandKit: await brandKitInputFor(db, practice, brand),
    locale: document.locale as Locale,
    routes: document.routes as Route[],
    patientName: patient.name,
    initials,
    signatures,
    certificate: {
      practiceName: practice.name,
      packetId: packet.id,
      document: {
        id: document.documentId,
        version: document.documentVersion,
        title,
        locale: document.locale,
        routes: document.routes,
      },
      contentSha256: document.contentSha256,
      signers: signatures,
      events,
    },
  });
}
