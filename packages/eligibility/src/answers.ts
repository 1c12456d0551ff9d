import { z } from 'zod';
import { INSTRUMENTS } from './instruments/index.js';
import { validateItems } from './instruments/instrument.js';
import { BLOOD_PRESSURE_RANGE, type Question } from './question.js';
import type { Ruleset } from './ruleset.js';

/** A blood pressure reading in mmHg. */
export interface BloodPressure {
  systolic: number;
  diastolic: number;
}

/** One answer: boolean, number, option code, option codes, ISO date, reading or item scores. */
export type AnswerValue = boolean | number | string | string[] | BloodPressure | number[];

/** Answers keyed by question id; `null` or absent means unanswered. */
export type Answers = Readonly<Record<string, AnswerValue | null | undefined>>;

/** An answer that failed validation: which question, and what was expected. */
export interface AnswerError {
  /** Question id, or `null` when the answers as a whole are malformed. */
  question: string | null;
  message: string;
}

function range(min: number, max: number): string {
  return `from ${min} to ${max}`;
}

function bloodPressureSchema() {
  const { systolic, diastolic } = BLOOD_PRESSURE_RANGE;
  const reading = (name: string, limits: { min: number; max: number }) =>
    z
      .number({ error: `${name}: expected a number of mmHg` })
      .int(`${name}: expected a whole number of mmHg`)
      .min(limits.min, `${name}: expected ${range(limits.min, limits.max)} mmHg`)
      .max(limits.max, `${name}: expected ${range(limits.min, limits.max)} mmHg`);
  return z
    .strictObject(
      { systolic: reading('systolic', systolic), diastolic: reading('diastolic', diastolic) },
      { error: 'expected { systolic, diastolic } in mmHg' },
    )
    .refine((value) => value.systolic > value.diastolic, 'systolic must be above diastolic');
}

/** The zod schema one question's answer must satisfy (`null` = unanswered). */
export function answerSchemaFor(question: Question): z.ZodType<AnswerValue | null | undefined> {
  let schema: z.ZodType<AnswerValue>;
  switch (question.type) {
    case 'boolean':
      schema = z.boolean({ error: 'expected true or false' });
      break;
    case 'number': {
      const expected = `expected ${question.integer ? 'a whole number' : 'a number'} ${range(question.min, question.max)}${question.unitLabel ? ` ${question.unitLabel.en}` : ''}`;
      let number = z
        .number({ error: expected })
        .min(question.min, expected)
        .max(question.max, expected);
      if (question.integer) number = number.int(expected);
      schema = number;
      break;
    }
    case 'choice': {
      const codes = question.options.map((option) => option.code);
      schema = z
        .string({ error: `expected one of: ${codes.join(', ')}` })
        .refine((value) => codes.includes(value), `expected one of: ${codes.join(', ')}`);
      break;
    }
    case 'multi': {
      const codes = question.options.map((option) => option.code);
      const exclusive = question.options.filter((option) => option.exclusive).map((o) => o.code);
      schema = z
        .array(
          z
            .string()
            .refine((value) => codes.includes(value), `expected codes from: ${codes.join(', ')}`),
          { error: `expected a list of codes from: ${codes.join(', ')}` },
        )
        .min(1, `select at least one option (options: ${codes.join(', ')})`)
        .refine((values) => new Set(values).size === values.length, 'an option is listed twice')
        .refine(
          (values) => values.length === 1 || !values.some((value) => exclusive.includes(value)),
          `${exclusive.join(', ')} cannot be combined with other options`,
        );
      break;
    }
    case 'date': {
      let date = z.iso.date({ error: 'expected a date as YYYY-MM-DD' });
      if (question.min)
        date = date.refine(
          (value) => value >= (question.min ?? ''),
          `expected ${question.min} or later`,
        );
      if (question.max)
        date = date.refine(
          (value) => value <= (question.max ?? ''),
          `expected ${question.max} or earlier`,
        );
      schema = date;
      break;
    }
    case 'bloodPressure':
      schema = bloodPressureSchema();
      break;
    case 'instrument': {
      const definition = INSTRUMENTS[question.instrument];
      schema = z.custom<number[]>().superRefine((value, context) => {
        for (const message of validateItems(definition, value)) {
          context.addIssue({ code: 'custom', message });
        }
      });
      break;
    }
  }
  return schema.nullish();
}

/** The zod schema of a whole answer set for a ruleset: known question ids only. */
export function answersSchemaFor(ruleset: Ruleset) {
  const shape: Record<string, z.ZodType<AnswerValue | null | undefined>> = {};
  for (const question of ruleset.questions) shape[question.id] = answerSchemaFor(question);
  return z.strictObject(shape, { error: 'expected an object of answers keyed by question id' });
}

/** Turns zod issues into answer errors naming the question. */
export function answerErrors(error: z.ZodError): AnswerError[] {
  return error.issues.flatMap((issue): AnswerError[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ question: key, message: 'unknown question id' }));
    }
    const [question] = issue.path;
    return [
      {
        question: typeof question === 'string' ? question : null,
        message: issue.message,
      },
    ];
  });
}
