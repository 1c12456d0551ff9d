import { type DataKeyRing, decryptText, encryptText } from '../crypto.server';

/**
 * Where each encrypted value lives, bound into its ciphertext as
 * authenticated data: a value copied to another row or column does not
 * decrypt. One place, so the writer and the reader always agree.
 */
export const fieldContext = {
  patientName: (packetId: string) => `patient_packets.patient_name:${packetId}`,
  patientEmail: (packetId: string) => `patient_packets.patient_email:${packetId}`,
  patientBirthDate: (packetId: string) => `patient_packets.patient_birth_date:${packetId}`,
  sealedPdf: (packetId: string) => `patient_packets.sealed_pdf:${packetId}`,
  initials: (documentId: string) => `packet_documents.initials:${documentId}`,
  signerName: (signatureId: string) => `packet_signatures.signer_name:${signatureId}`,
  signatureImage: (signatureId: string) => `packet_signatures.image:${signatureId}`,
  signatureIp: (signatureId: string) => `packet_signatures.ip_address:${signatureId}`,
  signatureUserAgent: (signatureId: string) => `packet_signatures.user_agent:${signatureId}`,
  eventIp: (eventId: string) => `packet_events.ip_address:${eventId}`,
  eventUserAgent: (eventId: string) => `packet_events.user_agent:${eventId}`,
  sealPkcs12: (practiceId: string) => `packet_settings.seal_pkcs12:${practiceId}`,
  ownSealPkcs12: (practiceId: string) => `packet_settings.own_seal_pkcs12:${practiceId}`,
} as const;

/** The patient's details a packet holds. */
export interface PacketPatient {
  name: string;
  email: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
}

/** The encrypted columns of a packet's patient. */
export function encryptPatient(ring: DataKeyRing, packetId: string, patient: PacketPatient) {
  return {
    keyId: ring.primary.id,
    patientName: encryptText(ring, patient.name, fieldContext.patientName(packetId)),
    patientEmail: encryptText(ring, patient.email, fieldContext.patientEmail(packetId)),
    patientBirthDate: encryptText(ring, patient.birthDate, fieldContext.patientBirthDate(packetId)),
  };
}

/** The patient of a packet row, or null once purged. */
export function decryptPatient(
  ring: DataKeyRing,
  row: {
    id: string;
    patientName: Uint8Array | null;
    patientEmail: Uint8Array | null;
    patientBirthDate: Uint8Array | null;
  },
): PacketPatient | null {
  if (!row.patientName || !row.patientEmail || !row.patientBirthDate) return null;
  return {
    name: decryptText(ring, row.patientName, fieldContext.patientName(row.id)),
    email: decryptText(ring, row.patientEmail, fieldContext.patientEmail(row.id)),
    birthDate: decryptText(ring, row.patientBirthDate, fieldContext.patientBirthDate(row.id)),
  };
}

/** Encrypts an optional text value (IP address, user agent). */
export function encryptOptional(
  ring: DataKeyRing,
  value: string | undefined,
  context: string,
): Uint8Array | null {
  return value ? encryptText(ring, value, context) : null;
}

/** Decrypts an optional text value. */
export function decryptOptional(
  ring: DataKeyRing,
  value: Uint8Array | null,
  context: string,
): string | undefined {
  return value ? decryptText(ring, value, context) : undefined;
}
