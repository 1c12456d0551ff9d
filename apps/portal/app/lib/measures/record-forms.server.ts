import { INSTRUMENT_IDS, scoreInstrument } from '@groundwork/eligibility';
import * as z from 'zod';
import { type FormFailure, echoValues, field, parseForm } from '../forms.server';
import { BirthDateSchema } from '../packets/packet-form.server';
import { itemField, measureInstrument } from './instruments';
import type { MeasurementInput } from './measurements.server';
import type { PatientDetails } from './record-fields.server';

/** The new-patient form. */
export const PatientFormSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Enter the patient’s name.')
    .max(120, 'Use at most 120 characters.'),
  birthDate: BirthDateSchema,
  reference: z.string().trim().max(60, 'Use at most 60 characters.'),
});

/** Reads the new-patient form. */
export function parsePatientForm(formData: FormData) {
  return parseForm(PatientFormSchema, formData, {
    name: field(formData, 'name'),
    birthDate: field(formData, 'birthDate'),
    reference: field(formData, 'reference'),
  }) as { ok: true; data: PatientDetails } | ({ ok: false } & FormFailure);
}

/** A day a score was taken: a real date, not before 1900 and not after today. */
export const TakenOnSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date like 2026-04-23.')
  .refine((value) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
  }, 'Enter a date that exists.')
  .refine(
    (value) => value >= '1900-01-01' && value <= new Date().toISOString().slice(0, 10),
    'Enter a date between 1900 and today.',
  );

const InstrumentSchema = z.enum(INSTRUMENT_IDS, { message: 'Choose PHQ-9, GAD-7 or PCL-5.' });

/**
 * Reads the add-a-score form: an instrument, the day, and either every item
 * answer (scored by @groundwork/eligibility) or only the total. Errors name
 * the field (`instrument`, `takenOn`, `item.N`, `total`).
 */
export function parseScoreForm(
  formData: FormData,
): { ok: true; data: MeasurementInput } | ({ ok: false } & FormFailure) {
  const fieldErrors: Record<string, string> = {};
  const fail = () => ({ ok: false as const, fieldErrors, values: echoValues(formData) });
  const instrument = InstrumentSchema.safeParse(field(formData, 'instrument'));
  const takenOn = TakenOnSchema.safeParse(field(formData, 'takenOn'));
  if (!takenOn.success) fieldErrors.takenOn = takenOn.error.issues[0]?.message ?? 'Enter a date.';
  if (!instrument.success) {
    fieldErrors.instrument = instrument.error.issues[0]?.message ?? 'Choose an instrument.';
    return fail();
  }
  const definition = measureInstrument(instrument.data);
  const rawItems = Array.from({ length: definition.itemCount }, (_, index) =>
    field(formData, itemField(index + 1)).trim(),
  );
  const rawTotal = field(formData, 'total').trim();
  const anyItem = rawItems.some((value) => value !== '');
  let total: number | undefined;
  let items: number[] | null = null;
  if (anyItem) {
    rawItems.forEach((value, index) => {
      if (!/^\d+$/.test(value)) {
        fieldErrors[itemField(index + 1)] =
          value === ''
            ? `Answer item ${index + 1}, or clear every item and enter only the total.`
            : `Enter a whole number from ${definition.itemMin} to ${definition.itemMax}.`;
      }
    });
    if (Object.keys(fieldErrors).some((name) => name.startsWith('item.'))) return fail();
    const scored = scoreInstrument(instrument.data, rawItems.map(Number));
    if (!scored.ok) {
      rawItems.forEach((value, index) => {
        const number = Number(value);
        if (number < definition.itemMin || number > definition.itemMax) {
          fieldErrors[itemField(index + 1)] =
            `Enter a whole number from ${definition.itemMin} to ${definition.itemMax}.`;
        }
      });
      return fail();
    }
    if (rawTotal !== '' && Number(rawTotal) !== scored.value.total) {
      fieldErrors.total = `The items add up to ${scored.value.total}, not ${rawTotal}: leave the total empty or correct it.`;
      return fail();
    }
    total = scored.value.total;
    items = scored.value.items;
  } else {
    if (!/^\d+$/.test(rawTotal) || Number(rawTotal) > definition.maxTotal) {
      fieldErrors.total =
        rawTotal === ''
          ? 'Enter the item answers or the total score.'
          : `Enter a whole number from 0 to ${definition.maxTotal}.`;
      return fail();
    }
    total = Number(rawTotal);
  }
  if (!takenOn.success) return fail();
  return {
    ok: true,
    data: { instrument: instrument.data, total, items, takenOn: takenOn.data, source: 'entered' },
  };
}
