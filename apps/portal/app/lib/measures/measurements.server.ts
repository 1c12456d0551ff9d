import { randomUUID } from 'node:crypto';
import type { InstrumentId } from '@groundwork/eligibility';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.server';
import { measurements, patients, savedScreenings } from '../../db/measures-schema.server';
import type { DataKeyRing } from '../crypto.server';
import { retentionDaysFor } from '../packets/packet-settings.server';
import { INSTRUMENT_VERSION, isInstrumentId } from './instruments';
import { touchPatient } from './patients.server';
import { decryptItems, encryptItems } from './record-fields.server';
import { type SavedScreeningInput, savedScreeningRow } from './saved-screenings.server';

/** A score to save: the total, and the item answers when they were entered. */
export interface MeasurementInput {
  instrument: InstrumentId;
  total: number;
  items: number[] | null;
  /** `YYYY-MM-DD`. */
  takenOn: string;
  source: 'entered' | 'screening';
}

/** A saved score as pages and exports use it (items decrypted). */
export interface MeasurementView {
  id: string;
  instrument: InstrumentId;
  instrumentVersion: string;
  total: number;
  items: number[] | null;
  takenOn: string;
  source: string;
  savedBy: string | null;
  createdAt: string;
}

/** The rows that store `scores` for one patient, item answers encrypted. */
export function measurementRows(
  ring: DataKeyRing,
  {
    practiceId,
    patientId,
    savedBy,
    scores,
    now,
  }: {
    practiceId: string;
    patientId: string;
    savedBy: string;
    scores: readonly MeasurementInput[];
    now: Date;
  },
) {
  return scores.map((score) => {
    const id = randomUUID();
    return {
      id,
      practiceId,
      patientId,
      instrument: score.instrument,
      instrumentVersion: INSTRUMENT_VERSION,
      total: score.total,
      keyId: score.items ? ring.primary.id : null,
      items: score.items ? encryptItems(ring, id, score.items) : null,
      source: score.source,
      takenOn: score.takenOn,
      savedBy,
      createdAt: now,
    };
  });
}

/**
 * Saves scores (and, from the screening page, the screening's outcome) for
 * one of the practice's patients in one transaction and restarts the
 * record's retention period. Returns the new score ids; null when the
 * patient is not the practice's.
 */
export async function saveMeasurements(
  db: Db,
  ring: DataKeyRing,
  {
    practiceId,
    patientId,
    savedBy,
    scores,
    screening,
    now = new Date(),
  }: {
    practiceId: string;
    patientId: string;
    savedBy: string;
    scores: readonly MeasurementInput[];
    screening?: SavedScreeningInput;
    now?: Date;
  },
): Promise<string[] | null> {
  const retentionDays = await retentionDaysFor(db, practiceId);
  return db.transaction(async (tx) => {
    const [patient] = await tx
      .select({ id: patients.id })
      .from(patients)
      .where(and(eq(patients.practiceId, practiceId), eq(patients.id, patientId)))
      .for('update');
    if (!patient) return null;
    const rows = measurementRows(ring, { practiceId, patientId, savedBy, scores, now });
    if (rows.length > 0) await tx.insert(measurements).values(rows);
    if (screening) {
      await tx
        .insert(savedScreenings)
        .values(savedScreeningRow(ring, { practiceId, patientId, savedBy, screening, now }));
    }
    await touchPatient(tx, { practiceId, patientId, retentionDays, now });
    return rows.map((row) => row.id);
  });
}

/** A patient's scores, oldest first. */
export async function listMeasurements(
  db: Db,
  ring: DataKeyRing,
  { practiceId, patientId }: { practiceId: string; patientId: string },
): Promise<MeasurementView[]> {
  const rows = await db
    .select()
    .from(measurements)
    .where(and(eq(measurements.practiceId, practiceId), eq(measurements.patientId, patientId)))
    .orderBy(asc(measurements.takenOn), asc(measurements.createdAt), asc(measurements.id));
  return rows.flatMap((row) =>
    isInstrumentId(row.instrument)
      ? [
          {
            id: row.id,
            instrument: row.instrument,
            instrumentVersion: row.instrumentVersion,
            total: row.total,
            items: decryptItems(ring, row),
            takenOn: row.takenOn,
            source: row.source,
            savedBy: row.savedBy,
            createdAt: row.createdAt.toISOString(),
          },
        ]
      : [],
  );
}

/** Deletes one score of one of the practice's patients. False when it was not there. */
export async function deleteMeasurement(
  db: Db,
  {
    practiceId,
    patientId,
    measurementId,
  }: { practiceId: string; patientId: string; measurementId: string },
): Promise<boolean> {
  const deleted = await db
    .delete(measurements)
    .where(
      and(
        eq(measurements.practiceId, practiceId),
        eq(measurements.patientId, patientId),
        eq(measurements.id, measurementId),
      ),
    )
    .returning({ id: measurements.id });
  return deleted.length > 0;
}
