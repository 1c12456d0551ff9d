import { documentMeta } from '../documents/catalogue.server';
import type { DataKeyRing } from '../crypto.server';
import { decryptOptional, decryptPatient, fieldContext } from './packet-fields.server';
import {
  type PacketDocumentStatus,
  type PacketStatus,
  documentStatus,
  packetStatus,
} from './packet-status';
import type { PacketDocumentRow, PacketRow, listPacketEvents } from './packets.server';

/** A packet as the practice pages show it; `patient` only for those who may see it. */
export interface PacketView {
  id: string;
  status: PacketStatus;
  locale: string;
  createdAt: string;
  linkExpiresAt: string | null;
  retainUntil: string;
  patient: { name: string; email: string; birthDate: string } | null;
  documents: Array<{
    id: string;
    kind: string;
    title: string;
    version: string;
    routes: string[];
    status: PacketDocumentStatus;
  }>;
}

function titleOf(document: PacketDocumentRow): string {
  try {
    return documentMeta(document.documentId, document.locale as 'en').title;
  } catch {
    return document.documentId;
  }
}

/** The view of one packet. Decrypts the patient only when `withPatient` (clinicians and owners). */
export function packetView(
  ring: DataKeyRing,
  { packet, documents }: { packet: PacketRow; documents: PacketDocumentRow[] },
  { withPatient, now = new Date() }: { withPatient: boolean; now?: Date },
): PacketView {
  return {
    id: packet.id,
    status: packetStatus(
      packet,
      documents.some((document) => document.openedAt),
      now,
    ),
    locale: packet.locale,
    createdAt: packet.createdAt.toISOString(),
    linkExpiresAt: packet.tokenExpiresAt?.toISOString() ?? null,
    retainUntil: packet.retainUntil.toISOString(),
    patient: withPatient ? decryptPatient(ring, packet) : null,
    documents: documents.map((document) => ({
      id: document.id,
      kind: document.kind,
      title: titleOf(document),
      version: document.documentVersion,
      routes: document.routes,
      status: documentStatus(document, packet, now),
    })),
  };
}

/** The access log of a packet; IP address and user agent only for those who may see the patient. */
export function packetEventViews(
  ring: DataKeyRing,
  events: Awaited<ReturnType<typeof listPacketEvents>>,
  { withPatient }: { withPatient: boolean },
) {
  return events.map((event) => ({
    id: event.id,
    type: event.type,
    actor: event.actor,
    userId: event.userId,
    packetDocumentId: event.packetDocumentId,
    at: event.createdAt.toISOString(),
    ipAddress: withPatient
      ? decryptOptional(ring, event.ipAddress, fieldContext.eventIp(event.id))
      : undefined,
    userAgent: withPatient
      ? decryptOptional(ring, event.userAgent, fieldContext.eventUserAgent(event.id))
      : undefined,
  }));
}
