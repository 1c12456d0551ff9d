import type { LoaderFunctionArgs } from '@remix-run/node';
import type { PracticeRouteHandle } from '../lib/auth/roles';
import { attachmentResponse } from '../lib/checklist/checklist-access.server';
import { listMeasurements } from '../lib/measures/measurements.server';
import { findPatient } from '../lib/measures/patients.server';
import { requirePatientRecordAccess } from '../lib/measures/record-access.server';
import { measuresCsv } from '../lib/measures/record-exports.server';
import { UuidParamSchema } from '../lib/packets/route-params';

/** Who may use this route (checked by practice-isolation.test.ts); see mayUsePatientRecords. */
export const handle: PracticeRouteHandle = { access: { loader: 'clinician' } };

/** A patient's scores as a CSV download. */
export async function loader(args: LoaderFunctionArgs) {
  const { practiceId } = await requirePatientRecordAccess(args);
  const patientId = UuidParamSchema.safeParse(args.params.patientId);
  if (!patientId.success) throw new Response('Patient record not found', { status: 404 });
  const { db, dataKeys } = args.context;
  const patient = await findPatient(db, dataKeys, { practiceId, patientId: patientId.data });
  if (!patient) throw new Response('Patient record not found', { status: 404 });
  const scores = await listMeasurements(db, dataKeys, { practiceId, patientId: patient.id });
  return attachmentResponse(measuresCsv(patient, scores), {
    contentType: 'text/csv; charset=utf-8',
    filename: `scores-${new Date().toISOString().slice(0, 10)}.csv`,
  });
}
