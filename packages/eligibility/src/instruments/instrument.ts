import type { LocalizedText } from '../text.js';

/** A severity band of an instrument total score (inclusive bounds). */
export interface ScoreBand {
  /** Stable band id, e.g. `moderately-severe`. */
  id: string;
  min: number;
  max: number;
  label: LocalizedText;
}

/** A scored self-report instrument: item count, item range, bands, licence. */
export interface InstrumentDefinition {
  id: InstrumentId;
  name: string;
  itemCount: number;
  itemMin: number;
  itemMax: number;
  /** Short clinician-facing summaries of each item (not the patient-facing wording). */
  itemLabels: readonly LocalizedText[];
  /** Labels of the response options, indexed by item score. */
  responseOptions: readonly LocalizedText[];
  bands: readonly ScoreBand[];
  /** Terms of use of the instrument, in plain words. */
  licence: string;
  /** Reference id (references registry) of the instrument's source. */
  reference: string;
}

/** Instruments the engine scores. */
export const INSTRUMENT_IDS = ['phq9', 'gad7', 'pcl5'] as const;

/** An instrument id. */
export type InstrumentId = (typeof INSTRUMENT_IDS)[number];

/** The scored result of one completed instrument. */
export interface InstrumentScore {
  instrument: InstrumentId;
  total: number;
  /** Severity band id, when the instrument defines bands. */
  band?: string;
  /** Named flags raised, e.g. `item9Positive`, `provisionalPtsd`. */
  flags: string[];
  items: number[];
}

/** Either a value or the reasons it could not be produced. */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Checks that `items` is a complete set of whole-number item scores in range. */
export function validateItems(definition: InstrumentDefinition, items: unknown): string[] {
  if (!Array.isArray(items)) {
    return [`${definition.name}: expected an array of ${definition.itemCount} item scores`];
  }
  const errors: string[] = [];
  if (items.length !== definition.itemCount) {
    errors.push(
      `${definition.name}: expected ${definition.itemCount} item scores, received ${items.length}`,
    );
  }
  items.forEach((value, index) => {
    if (
      typeof value !== 'number' ||
      !Number.isInteger(value) ||
      value < definition.itemMin ||
      value > definition.itemMax
    ) {
      errors.push(
        `${definition.name} item ${index + 1}: expected a whole number from ${definition.itemMin} to ${definition.itemMax}, received ${JSON.stringify(value) ?? String(value)}`,
      );
    }
  });
  return errors;
}

/** The band a total falls in, if any. */
export function bandOf(definition: InstrumentDefinition, total: number): string | undefined {
  return definition.bands.find((band) => total >= band.min && total <= band.max)?.id;
}

/** Sum of item scores. */
export function sum(items: readonly number[]): number {
  let total = 0;
  for (const value of items) total += value;
  return total;
}
