import * as z from 'zod';
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

const notAnswerSet = 'expected an object of answers keyed by question id';

/** True for `{}`-style objects: no inherited properties an answer could be read from. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * The zod schema of a whole answer set for a ruleset: a plain object with
 * known question ids only (an object whose prototype carries answers, or a
 * class instance, is rejected rather than read through).
 */
export function answersSchemaFor(ruleset: Ruleset) {
  const shape: Record<string, z.ZodType<AnswerValue | null | undefined>> = {};
  for (const question of ruleset.questions) shape[question.id] = answerSchemaFor(question);
  return z
    .custom<Record<string, unknown>>(isPlainObject, { error: notAnswerSet })
    .pipe(z.strictObject(shape, { error: notAnswerSet }));
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

function isWhole(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/**
 * A fast yes/no check equivalent to `answerSchemaFor(question)`: screening
 * uses it first and asks zod only when something is wrong, to word the errors.
 */
export function answerCheckFor(question: Question): (value: unknown) => boolean {
  switch (question.type) {
    case 'boolean':
      return (value) => value == null || typeof value === 'boolean';
    case 'number': {
      const { min, max, integer } = question;
      return (value) =>
        value == null ||
        (typeof value === 'number' &&
          Number.isFinite(value) &&
          value >= min &&
          value <= max &&
          (!integer || Number.isInteger(value)));
    }
    case 'choice': {
      const codes = new Set(question.options.map((option) => option.code));
      return (value) => value == null || (typeof value === 'string' && codes.has(value));
    }
    case 'multi': {
      const codes = new Set(question.options.map((option) => option.code));
      const exclusive = new Set(question.options.filter((o) => o.exclusive).map((o) => o.code));
      return (value) => {
        if (value == null) return true;
        if (!Array.isArray(value) || value.length === 0) return false;
        const seen = new Set<string>();
        for (const entry of value) {
          if (typeof entry !== 'string' || !codes.has(entry) || seen.has(entry)) return false;
          if (value.length > 1 && exclusive.has(entry)) return false;
          seen.add(entry);
        }
        return true;
      };
    }
    case 'bloodPressure': {
      const { systolic, diastolic } = BLOOD_PRESSURE_RANGE;
      return (value) => {
        if (value == null) return true;
        if (typeof value !== 'object' || Array.isArray(value)) return false;
        const reading = value as Record<string, unknown>;
        const keys = Object.keys(reading);
        return (
          keys.length === 2 &&
          isWhole(reading.systolic, systolic.min, systolic.max) &&
          isWhole(reading.diastolic, diastolic.min, diastolic.max) &&
          (reading.systolic as number) > (reading.diastolic as number)
        );
      };
    }
    case 'instrument': {
      const { itemCount, itemMin, itemMax } = INSTRUMENTS[question.instrument];
      return (value) => {
        if (value == null) return true;
        if (!Array.isArray(value) || value.length !== itemCount) return false;
        for (const item of value) if (!isWhole(item, itemMin, itemMax)) return false;
        return true;
      };
    }
    default: {
      const schema = answerSchemaFor(question);
      return (value) => schema.safeParse(value).success;
    }
  }
}

/** A fast check that a whole answer set is valid for a ruleset (see `answerCheckFor`). */
export function answersCheckFor(
  ruleset: Ruleset,
): (answers: unknown) => answers is Record<string, AnswerValue | null | undefined> {
  const checks = new Map(
    ruleset.questions.map((question) => [question.id, answerCheckFor(question)]),
  );
  return (answers): answers is Record<string, AnswerValue | null | undefined> => {
    if (!isPlainObject(answers)) return false;
    for (const key of Object.keys(answers)) {
      const check = checks.get(key);
      if (!check || !check((answers as Record<string, unknown>)[key])) return false;
    }
    return true;
  };
}
