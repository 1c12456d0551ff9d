import { type DataKeyRing, decryptText, encryptText } from '../crypto.server';

/**
 * Where each encrypted value of a patient record lives, bound into its
 * ciphertext as authenticated data (as packets do): a value copied to
 * another row or column does not decrypt.
 */
export const recordContext = {
  name: (patientId: string) => `patients.name:${patientId}`,
  birthDate: (patientId: string) => `patients.birth_date:${patientId}`,
  reference: (patientId: string) => `patients.reference:${patientId}`,
  items: (measurementId: string) => `measurements.items:${measurementId}`,
  screeningOutcome: (screeningId: string) => `saved_screenings.outcome:${screeningId}`,
} as const;

/** The details a patient record holds. */
export interface PatientDetails {
  name: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  /** The practice's own reference (chart number, MRN); empty when none. */
  reference: string;
}

/** The encrypted columns of a patient record. */
export function encryptPatientDetails(
  ring: DataKeyRing,
  patientId: string,
  details: PatientDetails,
) {
  return {
    keyId: ring.primary.id,
    name: encryptText(ring, details.name, recordContext.name(patientId)),
    birthDate: encryptText(ring, details.birthDate, recordContext.birthDate(patientId)),
    reference: details.reference
      ? encryptText(ring, details.reference, recordContext.reference(patientId))
      : null,
  };
}

/** The details of a patient row. */
export function decryptPatientDetails(
  ring: DataKeyRing,
  row: { id: string; name: Uint8Array; birthDate: Uint8Array; reference: Uint8Array | null },
): PatientDetails {
  return {
    name: decryptText(ring, row.name, recordContext.name(row.id)),
    birthDate: decryptText(ring, row.birthDate, recordContext.birthDate(row.id)),
    reference: row.reference
      ? decryptText(ring, row.reference, recordContext.reference(row.id))
      : '',
  };
}

/** Encrypts a measurement's item answers. */
export function encryptItems(ring: DataKeyRing, measurementId: string, items: readonly number[]) {
  return encryptText(ring, JSON.stringify(items), recordContext.items(measurementId));
}

/** Decrypts a measurement's item answers (null when only a total was saved). */
export function decryptItems(
  ring: DataKeyRing,
  row: { id: string; items: Uint8Array | null },
): number[] | null {
  if (!row.items) return null;
  const parsed: unknown = JSON.parse(decryptText(ring, row.items, recordContext.items(row.id)));
  if (!Array.isArray(parsed) || !parsed.every((value) => Number.isInteger(value))) {
    throw new Error(`Measurement ${row.id}: stored items are not a list of whole numbers`);
  }
  return parsed as number[];
}
