import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '../checklist/checklist-export.server';
import { measureInstrument } from './instruments';
import type { MeasurementView } from './measurements.server';
import type { PatientView } from './patients.server';
import { judgeSeries, pointLabel } from './series';

/** Column headings of a patient's CSV export, in order. */
export const MEASURES_CSV_COLUMNS = [
  'Patient',
  'Date of birth',
  'Practice reference',
  'Instrument',
  'Instrument version',
  'Taken on',
  'Total',
  'Change from baseline (%)',
  'Marked',
  'Item answers',
  'Source',
] as const;

/**
 * A patient's scores as CSV, oldest first per instrument, with what each
 * means against its baseline (RFC 4180 quoting). The typed-in text cells
 * (name, reference) that a spreadsheet would run as a formula are
 * neutralised; the other cells are numbers, dates and words we write.
 */
export function measuresCsv(patient: PatientView, scores: readonly MeasurementView[]): string {
  const rows: string[][] = [];
  for (const instrumentId of [...new Set(scores.map((score) => score.instrument))]) {
    const ofInstrument = scores.filter((score) => score.instrument === instrumentId);
    const judged = judgeSeries(instrumentId, ofInstrument);
    const byId = new Map(ofInstrument.map((score) => [score.id, score]));
    for (const point of judged.points) {
      const score = byId.get(point.id);
      rows.push([
        neutraliseFormula(patient.name),
        patient.birthDate,
        neutraliseFormula(patient.reference),
        measureInstrument(instrumentId).name,
        score?.instrumentVersion ?? '',
        point.takenOn,
        String(point.total),
        point.change === null ? '' : String(Math.round(point.change * 100)),
        pointLabel(point),
        score?.items ? score.items.join(' ') : '',
        score?.source ?? '',
      ]);
    }
  }
  // A byte-order mark so spreadsheet programs read the file as UTF-8.
  return `\uFEFF${stringify([[...MEASURES_CSV_COLUMNS], ...rows], { record_delimiter: 'windows', quoted_string: false })}`;
}
