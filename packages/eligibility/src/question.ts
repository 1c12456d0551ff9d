import * as z from 'zod';
import { type Condition, ConditionSchema } from './condition.js';
import { INSTRUMENT_IDS } from './instruments/instrument.js';
import { LocalizedTextSchema } from './text.js';

/** Question id: a stable camelCase identifier (also the FHIR `linkId`). */
export const QuestionIdSchema = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]*$/, 'expected a camelCase id such as "bipolarDisorder"');

/** Blood pressure values accepted, in mmHg. */
export const BLOOD_PRESSURE_RANGE = {
  systolic: { min: 50, max: 300 },
  diastolic: { min: 20, max: 200 },
} as const;

const base = {
  id: QuestionIdSchema,
  prompt: LocalizedTextSchema,
  help: LocalizedTextSchema.optional(),
  required: z.boolean().default(false),
  /** Where the answer comes from: the patient's history (reported or on record) or the clinician (measured or assessed on the day). */
  audience: z.enum(['patient', 'clinician']).default('patient'),
  /** Skip logic: the question is shown only while this is definitely true. */
  enableWhen: z.lazy((): z.ZodType<Condition> => ConditionSchema).optional(),
};

const OptionSchema = z.strictObject({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a kebab-case code such as "maoi"'),
  label: LocalizedTextSchema,
  /** Selecting this option (e.g. "none") rules out every other option of a `multi`. */
  exclusive: z.boolean().optional(),
});

/** One answer option of a `choice` or `multi` question. */
export type Option = z.infer<typeof OptionSchema>;

const isoDate = z.iso.date();

/** A question of a ruleset (discriminated by `type`). */
export const QuestionSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('boolean') }),
  z.strictObject({
    ...base,
    type: z.literal('number'),
    /** UCUM unit code, e.g. `a` (years), `mo` (months). */
    unit: z.string().min(1).optional(),
    unitLabel: LocalizedTextSchema.optional(),
    min: z.number().finite(),
    max: z.number().finite(),
    integer: z.boolean().default(false),
  }),
  z.strictObject({ ...base, type: z.literal('choice'), options: z.array(OptionSchema).min(2) }),
  z.strictObject({ ...base, type: z.literal('multi'), options: z.array(OptionSchema).min(2) }),
  z.strictObject({
    ...base,
    type: z.literal('date'),
    min: isoDate.optional(),
    max: isoDate.optional(),
  }),
  z.strictObject({ ...base, type: z.literal('bloodPressure') }),
  z.strictObject({
    ...base,
    type: z.literal('instrument'),
    instrument: z.enum(INSTRUMENT_IDS),
    /** PCL-5 only: total at or above which `provisionalPtsd` is flagged (default 33). */
    cutPoint: z.number().min(0).max(80).optional(),
  }),
]);

/** A question of a ruleset. */
export type Question = z.infer<typeof QuestionSchema>;

/** A question type name. */
export type QuestionType = Question['type'];
