import * as z from 'zod';
import { ConditionSchema } from './condition.js';
import { ParameterRangeSchema, parameterValueSchemaFor } from './parameter-range.js';
import { LocalizedTextSchema } from './text.js';
import { VersionSchema } from './version.js';

/**
 * What a firing rule means: `exclude` → ineligible, `defer` → not today,
 * `review` → a clinician reviews before going ahead, `info` → noted only.
 */
export const SEVERITIES = ['exclude', 'defer', 'review', 'info'] as const;

/** Severity of a rule. */
export type Severity = (typeof SEVERITIES)[number];

/** A rule parameter value (thresholds, counts, policy switches). */
export const ParameterValueSchema = z.union([z.number().finite(), z.string(), z.boolean()], {
  error: 'expected a number, a string or a boolean',
});

/** A screening rule: when `condition` is true, a finding of `severity` is reported. */
export const RuleSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a kebab-case id such as "bp-above-threshold"'),
    /** The rule's own semantic version; `customize` adds build metadata. */
    version: VersionSchema,
    severity: z.enum(SEVERITIES),
    /** Needs clinician attention today (e.g. a positive suicide item). */
    urgent: z.boolean().default(false),
    condition: ConditionSchema,
    /** Named values referenced from the condition (`{ param }`) and message (`{name}`). */
    parameters: z
      .record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), ParameterValueSchema)
      .default({}),
    /**
     * The valid range of each numeric parameter: `customize` refuses a value
     * outside it, and the parameter's own value must lie inside it.
     */
    parameterRanges: z.record(z.string(), ParameterRangeSchema).optional(),
    message: LocalizedTextSchema,
    /** Reference ids from the references registry (`@groundwork/content`). */
    references: z.array(z.string().min(1)).min(1, 'every rule cites at least one reference'),
    enabled: z.boolean().default(true),
    /** Why a practice disabled this rule (required when `enabled` is false). */
    disabledReason: z.string().min(1).optional(),
  })
  .superRefine((rule, context) => {
    if (!rule.enabled && !rule.disabledReason) {
      context.addIssue({
        code: 'custom',
        path: ['disabledReason'],
        message: 'a disabled rule must say why (disabledReason)',
      });
    }
    for (const [name, range] of Object.entries(rule.parameterRanges ?? {})) {
      const value = rule.parameters[name];
      if (typeof value !== 'number') {
        context.addIssue({
          code: 'custom',
          path: ['parameterRanges', name],
          message:
            value === undefined
              ? `no parameter "${name}" to give a range to (parameters: ${Object.keys(rule.parameters).join(', ') || 'none'})`
              : `a range applies only to a number parameter; "${name}" is a ${typeof value}`,
        });
        continue;
      }
      const checked = parameterValueSchemaFor(name, value, range).safeParse(value);
      if (!checked.success) {
        for (const issue of checked.error.issues) {
          context.addIssue({ code: 'custom', path: ['parameters', name], message: issue.message });
        }
      }
    }
  });

/** A screening rule. */
export type Rule = z.infer<typeof RuleSchema>;

/** A rule as authored (defaults such as `enabled` may be omitted). */
export type RuleInput = z.input<typeof RuleSchema>;
