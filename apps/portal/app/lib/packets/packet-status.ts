/** Where a packet stands, as the packet page shows it. */
export type PacketStatus =
  | 'sent'
  | 'opened'
  | 'signed'
  | 'countersigned'
  | 'locked'
  | 'expired'
  | 'revoked'
  | 'deleted';

/** Where one document of a packet stands. */
export type PacketDocumentStatus =
  | 'sent'
  | 'opened'
  | 'signed'
  | 'countersigned'
  | 'expired'
  | 'revoked';

/** Labels of packet and document statuses. */
export const STATUS_LABELS: Record<PacketStatus, string> = {
  sent: 'Sent',
  opened: 'Opened',
  signed: 'Signed by the patient',
  countersigned: 'Countersigned',
  locked: 'Locked (wrong date of birth)',
  expired: 'Link expired',
  revoked: 'Revoked',
  deleted: 'Personal data deleted (retention)',
};

/** Labels of document statuses. */
export const DOCUMENT_STATUS_LABELS: Record<PacketDocumentStatus, string> = {
  sent: 'Sent',
  opened: 'Opened',
  signed: 'Signed',
  countersigned: 'Countersigned',
  expired: 'Expired (not signed)',
  revoked: 'Revoked',
};

/** The times a packet's status is derived from. */
export interface PacketTimes {
  tokenExpiresAt: Date | null;
  lockedAt: Date | null;
  revokedAt: Date | null;
  completedAt: Date | null;
  countersignedAt: Date | null;
  purgedAt: Date | null;
}

/** A packet's status from its times and whether any document was opened. */
export function packetStatus(
  packet: PacketTimes,
  anyOpened: boolean,
  now = new Date(),
): PacketStatus {
  if (packet.purgedAt) return 'deleted';
  if (packet.countersignedAt) return 'countersigned';
  if (packet.completedAt) return 'signed';
  if (packet.revokedAt) return 'revoked';
  if (packet.lockedAt) return 'locked';
  if (!packet.tokenExpiresAt || packet.tokenExpiresAt <= now) return 'expired';
  return anyOpened ? 'opened' : 'sent';
}

/** One document's status: its own progress, or the link's end when it never got there. */
export function documentStatus(
  document: {
    kind: string;
    openedAt: Date | null;
    signedAt: Date | null;
    countersignedAt: Date | null;
  },
  packet: PacketTimes,
  now = new Date(),
): PacketDocumentStatus {
  if (document.countersignedAt) return 'countersigned';
  if (document.signedAt) return 'signed';
  const finished = document.kind === 'handout' ? document.openedAt !== null : false;
  if (!finished && !packet.completedAt) {
    if (packet.revokedAt) return 'revoked';
    if (!packet.tokenExpiresAt || packet.tokenExpiresAt <= now) return 'expired';
  }
  return document.openedAt ? 'opened' : 'sent';
}
