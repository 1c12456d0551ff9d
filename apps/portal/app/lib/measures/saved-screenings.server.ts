import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.server';
import { savedScreenings } from '../../db/measures-schema.server';
import { type DataKeyRing, decryptText, encryptText } from '../crypto.server';
import { recordContext } from './record-fields.server';
import { type ScreeningOutcome, ScreeningOutcomeSchema } from './screening-outcome';

/** A screening outcome to save to a patient record, with the rules that produced it. */
export interface SavedScreeningInput {
  ruleset: { id: string; version: string; revision: number };
  outcome: ScreeningOutcome;
  /** `YYYY-MM-DD`: the day the patient was screened. */
  takenOn: string;
}

/** A saved screening as the record page shows it (outcome decrypted). */
export interface SavedScreeningView {
  id: string;
  ruleset: { id: string; version: string; revision: number };
  outcome: ScreeningOutcome;
  takenOn: string;
  savedBy: string | null;
  createdAt: string;
}

/** The row that stores one saved screening, its outcome encrypted and bound to the row. */
export function savedScreeningRow(
  ring: DataKeyRing,
  {
    practiceId,
    patientId,
    savedBy,
    screening,
    now,
  }: {
    practiceId: string;
    patientId: string;
    savedBy: string;
    screening: SavedScreeningInput;
    now: Date;
  },
) {
  const id = randomUUID();
  return {
    id,
    practiceId,
    patientId,
    rulesetId: screening.ruleset.id,
    rulesetVersion: screening.ruleset.version,
    rulesetRevision: screening.ruleset.revision,
    keyId: ring.primary.id,
    outcome: encryptText(
      ring,
      JSON.stringify(ScreeningOutcomeSchema.parse(screening.outcome)),
      recordContext.screeningOutcome(id),
    ),
    takenOn: screening.takenOn,
    savedBy,
    createdAt: now,
  };
}

/** A patient's saved screenings, newest first. */
export async function listSavedScreenings(
  db: Db,
  ring: DataKeyRing,
  { practiceId, patientId }: { practiceId: string; patientId: string },
): Promise<SavedScreeningView[]> {
  const rows = await db
    .select()
    .from(savedScreenings)
    .where(
      and(eq(savedScreenings.practiceId, practiceId), eq(savedScreenings.patientId, patientId)),
    )
    .orderBy(desc(savedScreenings.takenOn), desc(savedScreenings.createdAt));
  return rows.map((row) => {
    const stored = ScreeningOutcomeSchema.safeParse(
      JSON.parse(decryptText(ring, row.outcome, recordContext.screeningOutcome(row.id))),
    );
    if (!stored.success) {
      throw new Error(`Saved screening ${row.id}: the stored outcome has an unexpected shape`, {
        cause: stored.error,
      });
    }
    return {
      id: row.id,
      ruleset: { id: row.rulesetId, version: row.rulesetVersion, revision: row.rulesetRevision },
      outcome: stored.data,
      takenOn: row.takenOn,
      savedBy: row.savedBy,
      createdAt: row.createdAt.toISOString(),
    };
  });
}

/** Deletes one saved screening of one of the practice's patients. False when it was not there. */
export async function deleteSavedScreening(
  db: Db,
  {
    practiceId,
    patientId,
    screeningId,
  }: { practiceId: string; patientId: string; screeningId: string },
): Promise<boolean> {
  const deleted = await db
    .delete(savedScreenings)
    .where(
      and(
        eq(savedScreenings.practiceId, practiceId),
        eq(savedScreenings.patientId, patientId),
        eq(savedScreenings.id, screeningId),
      ),
    )
    .returning({ id: savedScreenings.id });
  return deleted.length > 0;
}
