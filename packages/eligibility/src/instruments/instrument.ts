import { describeValue } from '../describe-value.js';
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
  /**
   * Short clinician-facing summaries of each item, written for this package:
   * not the validated patient-facing wording. Show patients the official form.
   */
  itemLabels: readonly LocalizedText[];
  /** Labels of the response options, indexed by item score. */
  responseOptions: readonly LocalizedText[];
  bands: readonly ScoreBand[];
  /** Terms of use of the instrument, in plain words, and a reminder to show patients the official form. */
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

/** The answer scale the PHQ-9 and GAD-7 share ("over the last 2 weeks, how often…"). */
export const PHQ_FREQUENCY_OPTIONS: readonly LocalizedText[] = [
  { en: 'Not at all', es: 'Nunca' },
  { en: 'Several days', es: 'Varios días' },
  { en: 'More than half the days', es: 'Más de la mitad de los días' },
  { en: 'Nearly every day', es: 'Casi todos los días' },
];

/** Terms of use of the PHQ family (PHQ-9, GAD-7), and what our item labels are. */
export const PHQ_FAMILY_LICENCE =
  'Developed by Drs Spitzer, Williams, Kroenke and colleagues with an educational grant from Pfizer; free to reproduce, translate, display or distribute, no permission required. The item labels in this package are short summaries, not the official wording: show patients the official form.';

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
        `${definition.name} item ${index + 1}: expected a whole number from ${definition.itemMin} to ${definition.itemMax}, received ${describeValue(value)}`,
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

/**
 * Scores an instrument whose total is the sum of its items: validates the
 * items, then returns the total, its band and the flags `flagsOf` raises.
 */
export function scoreSummed(
  definition: InstrumentDefinition,
  items: unknown,
  flagsOf: (values: readonly number[]) => string[] = () => [],
): Result<InstrumentScore> {
  const errors = validateItems(definition, items);
  if (errors.length > 0) return { ok: false, errors };
  const values = [...(items as number[])];
  const total = sum(values);
  const band = bandOf(definition, total);
  return {
    ok: true,
    value: {
      instrument: definition.id,
      total,
      ...(band === undefined ? {} : { band }),
      flags: flagsOf(values),
      items: values,
    },
  };
}
