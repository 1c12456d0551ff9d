import * as z from 'zod';
import { describeValue } from './describe-value.js';

/**
 * The values a numeric rule parameter may take, so that a practice's
 * customisation cannot set a threshold that makes no clinical sense
 * (a systolic limit of -5 mmHg, 2.5 treatment trials).
 */
export const ParameterRangeSchema = z
  .strictObject({
    min: z.number().finite(),
    max: z.number().finite(),
    /** Only whole numbers (counts, months, mmHg). */
    integer: z.boolean().default(false),
    /** Unit shown in messages, e.g. `mmHg`, `months`, `years`. */
    unit: z.string().min(1).optional(),
  })
  .refine((range) => range.min <= range.max, {
    message: 'min must not be above max',
    path: ['max'],
  });

/** The values a numeric rule parameter may take. */
export type ParameterRange = z.infer<typeof ParameterRangeSchema>;

/** A parameter range as authored (`integer` may be omitted). */
export type ParameterRangeInput = z.input<typeof ParameterRangeSchema>;

/** A range in words: `a whole number from 100 to 180 mmHg`. */
export function describeRange(range: ParameterRangeInput): string {
  const kind = range.integer ? 'a whole number' : 'a number';
  return `${kind} from ${range.min} to ${range.max}${range.unit ? ` ${range.unit}` : ''}`;
}

/**
 * The zod schema a new value of parameter `name` must satisfy: its declared
 * range when it has one, otherwise the type of its current value. Every
 * message names the parameter and what was expected.
 */
export function parameterValueSchemaFor(
  name: string,
  current: number | string | boolean,
  range: ParameterRangeInput | undefined,
): z.ZodType<number | string | boolean> {
  if (range) {
    const message = (value: unknown) =>
      `${name}: expected ${describeRange(range)}, received ${describeValue(value)}`;
    const number = z
      .number({ error: (issue) => message(issue.input) })
      .refine((value) => value >= range.min && value <= range.max, {
        error: (issue) => message(issue.input),
        abort: true,
      });
    return range.integer
      ? number.refine(Number.isInteger, { error: (issue) => message(issue.input) })
      : number;
  }
  const expected = `${name}: expected a ${typeof current} like the original (${String(current)})`;
  const error = (issue: { input?: unknown }) =>
    `${expected}, received ${describeValue(issue.input)}`;
  if (typeof current === 'number') return z.number({ error });
  if (typeof current === 'string') return z.string({ error });
  return z.boolean({ error });
}
