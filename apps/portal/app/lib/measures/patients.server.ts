import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, max } from 'drizzle-orm';
import type { Db } from '../../db/client.server';
import { measurements, patients } from '../../db/measures-schema.server';
import { patientPackets } from '../../db/packets-schema.server';
import type { DataKeyRing } from '../crypto.server';
import { decryptPatient } from '../packets/packet-fields.server';
import { retentionDaysFor } from '../packets/packet-settings.server';
import {
  type PatientDetails,
  decryptPatientDetails,
  encryptPatientDetails,
} from './record-fields.server';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A patient record as pages show it (decrypted). */
export interface PatientView extends PatientDetails {
  id: string;
  createdAt: string;
  lastActivityAt: string;
  retainUntil: string;
}

/** A patient row as stored. */
export type PatientRow = typeof patients.$inferSelect;

function view(ring: DataKeyRing, row: PatientRow): PatientView {
  return {
    id: row.id,
    ...decryptPatientDetails(ring, row),
    createdAt: row.createdAt.toISOString(),
    lastActivityAt: row.lastActivityAt.toISOString(),
    retainUntil: row.retainUntil.toISOString(),
  };
}

/** Stores a new patient record, its details encrypted; retention runs from now. */
export async function createPatient(
  db: Db,
  ring: DataKeyRing,
  {
    practiceId,
    createdBy,
    details,
    now = new Date(),
  }: { practiceId: string; createdBy: string; details: PatientDetails; now?: Date },
): Promise<string> {
  const id = randomUUID();
  const retentionDays = await retentionDaysFor(db, practiceId);
  await db.insert(patients).values({
    id,
    practiceId,
    createdBy,
    ...encryptPatientDetails(ring, id, details),
    lastActivityAt: now,
    retainUntil: new Date(now.getTime() + retentionDays * DAY_MS),
    createdAt: now,
  });
  return id;
}

/** One patient record of a practice, or null (another practice's id finds nothing). */
export async function findPatient(
  db: Db,
  ring: DataKeyRing,
  { practiceId, patientId }: { practiceId: string; patientId: string },
): Promise<PatientView | null> {
  const [row] = await db
    .select()
    .from(patients)
    .where(and(eq(patients.practiceId, practiceId), eq(patients.id, patientId)));
  return row ? view(ring, row) : null;
}

/** A practice's patient records, sorted by name, each with how many scores and the latest day. */
export async function listPatients(
  db: Db,
  ring: DataKeyRing,
  { practiceId, limit = 500 }: { practiceId: string; limit?: number },
): Promise<Array<PatientView & { scores: number; lastTakenOn: string | null }>> {
  const rows = await db
    .select({
      patient: patients,
      scores: count(measurements.id),
      lastTakenOn: max(measurements.takenOn),
    })
    .from(patients)
    .leftJoin(
      measurements,
      and(eq(measurements.patientId, patients.id), eq(measurements.practiceId, practiceId)),
    )
    .where(eq(patients.practiceId, practiceId))
    .groupBy(patients.id)
    .orderBy(desc(patients.createdAt))
    .limit(limit);
  return rows
    .map((row) => ({
      ...view(ring, row.patient),
      scores: Number(row.scores),
      lastTakenOn: row.lastTakenOn ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/**
 * Marks activity on a record (a score saved, a packet linked): its retention
 * period starts again from `now`.
 */
export async function touchPatient(
  db: Pick<Db, 'update'>,
  {
    practiceId,
    patientId,
    retentionDays,
    now = new Date(),
  }: {
    practiceId: string;
    patientId: string;
    retentionDays: number;
    now?: Date;
  },
): Promise<void> {
  await db
    .update(patients)
    .set({ lastActivityAt: now, retainUntil: new Date(now.getTime() + retentionDays * DAY_MS) })
    .where(and(eq(patients.practiceId, practiceId), eq(patients.id, patientId)));
}

/** Deletes a patient record and (by cascade) all its scores. False when it was not there. */
export async function deletePatient(
  db: Db,
  { practiceId, patientId }: { practiceId: string; patientId: string },
): Promise<boolean> {
  const deleted = await db
    .delete(patients)
    .where(and(eq(patients.practiceId, practiceId), eq(patients.id, patientId)))
    .returning({ id: patients.id });
  return deleted.length > 0;
}

/** Links a packet of the practice to one of its patient records. False when either is not the practice's. */
export async function linkPacketToPatient(
  db: Db,
  { practiceId, packetId, patientId }: { practiceId: string; packetId: string; patientId: string },
): Promise<boolean> {
  const [patient] = await db
    .select({ id: patients.id })
    .from(patients)
    .where(and(eq(patients.practiceId, practiceId), eq(patients.id, patientId)));
  if (!patient) return false;
  const updated = await db
    .update(patientPackets)
    .set({ patientId })
    .where(and(eq(patientPackets.practiceId, practiceId), eq(patientPackets.id, packetId)))
    .returning({ id: patientPackets.id });
  if (updated.length > 0) {
    await touchPatient(db, {
      practiceId,
      patientId,
      retentionDays: await retentionDaysFor(db, practiceId),
    });
  }
  return updated.length > 0;
}

/**
 * "Keep as patient record": a new record from a packet's patient (name and
 * date of birth; the e-mail stays with the packet), linked to the packet.
 * Returns the record's id; null when the packet is not the practice's, is
 * already linked, or its personal data was deleted.
 */
export async function keepPacketPatient(
  db: Db,
  ring: DataKeyRing,
  { practiceId, packetId, userId }: { practiceId: string; packetId: string; userId: string },
): Promise<string | null> {
  const [packet] = await db
    .select()
    .from(patientPackets)
    .where(and(eq(patientPackets.practiceId, practiceId), eq(patientPackets.id, packetId)));
  if (!packet || packet.patientId || packet.purgedAt) return null;
  const patient = decryptPatient(ring, packet);
  if (!patient) return null;
  const patientId = await createPatient(db, ring, {
    practiceId,
    createdBy: userId,
    details: { name: patient.name, birthDate: patient.birthDate, reference: '' },
  });
  await db
    .update(patientPackets)
    .set({ patientId })
    .where(and(eq(patientPackets.practiceId, practiceId), eq(patientPackets.id, packetId)));
  return patientId;
}
