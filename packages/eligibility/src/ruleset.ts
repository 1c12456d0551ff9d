import * as z from 'zod';
import { QuestionSchema } from './question.js';
import { RuleSchema } from './rule.js';
import { checkRuleset } from './ruleset-checks.js';
import { LocalizedTextSchema } from './text.js';
import { VersionSchema } from './version.js';

/**
 * A ruleset: questions (with skip logic) and rules. Beyond shape, checks that
 * ids are unique, conditions name existing questions and parameters, skip
 * logic points only to earlier questions and can be expressed in FHIR.
 */
export const RulesetSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a kebab-case id'),
    /** Semantic version; customised rulesets add build metadata (`1.0.0+practice.3`). */
    version: VersionSchema,
    title: LocalizedTextSchema,
    /** The ruleset this one was customised from. */
    basedOn: z.strictObject({ id: z.string(), version: z.string() }).optional(),
    questions: z.array(QuestionSchema).min(1),
    rules: z.array(RuleSchema),
  })
  .superRefine(checkRuleset);

/** A validated ruleset. */
export type Ruleset = z.infer<typeof RulesetSchema>;

/** A ruleset as authored (defaults may be omitted). */
export type RulesetInput = z.input<typeof RulesetSchema>;

/** One problem found in a ruleset: where (readable path) and what. */
export interface RulesetIssue {
  path: string;
  message: string;
}

/** Thrown for an invalid ruleset: a developer error, listing every problem. */
export class RulesetError extends Error {
  override readonly name = 'RulesetError';
  constructor(
    readonly issues: RulesetIssue[],
    options?: ErrorOptions,
  ) {
    super(
      `Invalid ruleset: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
      options,
    );
  }
}

function readablePath(path: readonly PropertyKey[], input: unknown): string {
  let text = '';
  let node: unknown = input;
  for (const key of path) {
    const next =
      node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      const id = next && typeof next === 'object' ? (next as { id?: unknown }).id : undefined;
      text += typeof id === 'string' ? `[${key}] (${id})` : `[${key}]`;
    } else {
      text += `${text ? '.' : ''}${String(key)}`;
    }
    node = next;
  }
  return text || '(ruleset)';
}

function flatten(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]): z.core.$ZodIssue[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // Report the branch that got furthest: it is the one the author meant.
    const depth = (issues: z.core.$ZodIssue[]) =>
      Math.max(...issues.map((inner) => inner.path.length));
    // A branch with a key it does not know is not the one the author meant.
    const plausible = issue.errors.filter(
      (branch) =>
        !branch.some((inner) => inner.code === 'unrecognized_keys' && inner.path.length === 0),
    );
    const best = [...plausible].sort((a, b) => depth(b) - depth(a))[0] ?? [];
    if (best.length > 0 && depth(best) > 0) return best.flatMap((inner) => flatten(inner, path));
  }
  return [{ ...issue, path }];
}

/** The problems with a candidate ruleset (empty when valid). */
export function rulesetIssues(input: unknown): RulesetIssue[] {
  const result = RulesetSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues
    .flatMap((issue) => flatten(issue, []))
    .map((issue) => ({ path: readablePath(issue.path, input), message: issue.message }));
}

/** Validates a ruleset, throwing a `RulesetError` that names every problem. */
export function parseRuleset(input: unknown): Ruleset {
  const result = RulesetSchema.safeParse(input);
  if (result.success) return result.data;
  throw new RulesetError(rulesetIssues(input), { cause: result.error });
}
