import * as z from 'zod';

/** A literal value in a condition. Dates are ISO `YYYY-MM-DD` strings. */
export type Literal = string | number | boolean;

/**
 * A value a condition compares: a literal, an answer (`field` picks `systolic`
 * or `diastolic` of a blood pressure), a rule parameter, an instrument total
 * score, or one instrument item (1-based).
 */
export type Operand =
  | Literal
  | { answer: string; field?: 'systolic' | 'diastolic' }
  | { param: string }
  | { score: string }
  | { item: string; number: number };

/**
 * A JSON-serialisable condition. Missing answers make a comparison unknown;
 * `all`/`any`/`not` use three-valued (Kleene) logic, and a rule fires only
 * when its condition is definitely true.
 */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { answered: string }
  | { equals: [Operand, Operand] }
  | { greaterThan: [Operand, Operand] }
  | { greaterThanOrEqual: [Operand, Operand] }
  | { lessThan: [Operand, Operand] }
  | { lessThanOrEqual: [Operand, Operand] }
  | { in: [Operand, Literal[]] }
  | { flag: [string, string] };

/** Names of the comparison operators. */
export const COMPARISONS = [
  'equals',
  'greaterThan',
  'greaterThanOrEqual',
  'lessThan',
  'lessThanOrEqual',
] as const;

/** A comparison operator name. */
export type Comparison = (typeof COMPARISONS)[number];

const id = z.string().min(1);

/** Schema for a literal value. */
export const LiteralSchema = z.union([z.string(), z.number().finite(), z.boolean()]);

/** Schema for an operand. */
export const OperandSchema: z.ZodType<Operand> = z.union(
  [
    LiteralSchema,
    z.strictObject({ answer: id, field: z.enum(['systolic', 'diastolic']).optional() }),
    z.strictObject({ param: id }),
    z.strictObject({ score: id }),
    z.strictObject({ item: id, number: z.number().int().min(1) }),
  ],
  {
    error:
      'expected an operand: a literal (string, number, boolean), { answer }, { param }, { score } or { item, number }',
  },
);

const pair = z.tuple([OperandSchema, OperandSchema]);

/** Schema for a condition (recursive). */
export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union(
    [
      z.strictObject({ all: z.array(ConditionSchema).min(1) }),
      z.strictObject({ any: z.array(ConditionSchema).min(1) }),
      z.strictObject({ not: ConditionSchema }),
      z.strictObject({ answered: id }),
      z.strictObject({ equals: pair }),
      z.strictObject({ greaterThan: pair }),
      z.strictObject({ greaterThanOrEqual: pair }),
      z.strictObject({ lessThan: pair }),
      z.strictObject({ lessThanOrEqual: pair }),
      z.strictObject({ in: z.tuple([OperandSchema, z.array(LiteralSchema).min(1)]) }),
      z.strictObject({ flag: z.tuple([id, id]) }),
    ],
    {
      error:
        'expected a condition with exactly one of: all, any, not, answered, equals, greaterThan, greaterThanOrEqual, lessThan, lessThanOrEqual, in, flag',
    },
  ),
);

/** Every operand in a condition, depth first, with its JSON path. */
export function operandsOf(
  condition: Condition,
  path: (string | number)[] = [],
): { operand: Operand; path: (string | number)[] }[] {
  if ('all' in condition) {
    return condition.all.flatMap((child, index) => operandsOf(child, [...path, 'all', index]));
  }
  if ('any' in condition) {
    return condition.any.flatMap((child, index) => operandsOf(child, [...path, 'any', index]));
  }
  if ('not' in condition) return operandsOf(condition.not, [...path, 'not']);
  if ('answered' in condition) {
    return [{ operand: { answer: condition.answered }, path: [...path, 'answered'] }];
  }
  if ('flag' in condition) {
    return [{ operand: { score: condition.flag[0] }, path: [...path, 'flag', 0] }];
  }
  if ('in' in condition) return [{ operand: condition.in[0], path: [...path, 'in', 0] }];
  for (const name of COMPARISONS) {
    if (name in condition) {
      const [left, right] = (condition as Record<Comparison, [Operand, Operand]>)[name];
      return [
        { operand: left, path: [...path, name, 0] },
        { operand: right, path: [...path, name, 1] },
      ];
    }
  }
  return [];
}
