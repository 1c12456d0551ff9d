import * as z from 'zod';
import { deepFreeze } from './deep-freeze.js';
import { parameterValueSchemaFor } from './parameter-range.js';
import { type RuleInput, SEVERITIES } from './rule.js';
import { type Ruleset, RulesetError, type RulesetIssue, parseRuleset } from './ruleset.js';

/**
 * Any value at parse time, typed as a parameter value: each one is checked
 * against its rule's parameter (type and documented range) below, so that
 * the error can name the parameter's range, even for NaN.
 */
const OverrideValueSchema = z.custom<number | string | boolean>(() => true);

const RuleOverrideSchema = z
  .strictObject({
    severity: z.enum(SEVERITIES).optional(),
    urgent: z.boolean().optional(),
    parameters: z.record(z.string(), OverrideValueSchema).optional(),
    enabled: z.boolean().optional(),
    /** Why the practice changed or disabled the rule (required to disable). */
    reason: z.string().min(1).optional(),
  })
  .refine((override) => override.enabled !== false || override.reason, {
    message: 'disabling a rule needs a reason',
    path: ['reason'],
  });

/** A practice's changes to a ruleset. */
export const RulesetOverridesSchema = z.strictObject({
  /** Practice slug, used in the new version's build metadata. */
  practiceId: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a kebab-case practice id'),
  /** The practice's revision number of its customisation (1, 2, 3 …). */
  revision: z.number().int().positive(),
  /** Changes to existing rules, by rule id. */
  rules: z.record(z.string(), RuleOverrideSchema).default({}),
  /** Extra rules the practice adds (they may only use existing questions). */
  addRules: z.array(z.unknown()).default([]),
});

/** A practice's changes to a ruleset. */
export type RulesetOverrides = z.input<typeof RulesetOverridesSchema>;

/** One change applied to a rule (override of a single rule). */
export type RuleOverride = z.input<typeof RuleOverrideSchema>;

function coreVersion(version: string): string {
  return version.split('+')[0] ?? version;
}

/**
 * Returns a NEW ruleset with a practice's changes: severities, parameters,
 * disabled rules (with the reason kept on the rule as `disabledReason`) and
 * added rules. The version becomes `<core>+<practiceId>.<revision>` (for
 * example `1.0.0+acme-clinic.3`), `basedOn` names the original, and each
 * changed rule's version gets the same build metadata. The input is never
 * modified. Throws `RulesetError` naming the override that is wrong; a
 * parameter outside its documented range (`parameterRanges` on the rule) is
 * refused with the parameter's name and range.
 */
export function customize(ruleset: Ruleset, overrides: RulesetOverrides): Ruleset {
  const parsed = RulesetOverridesSchema.safeParse(overrides);
  if (!parsed.success) {
    throw new RulesetError(
      parsed.error.issues.map((issue) => ({
        path: ['overrides', ...issue.path.map(String)].join('.'),
        message: issue.message,
      })),
      { cause: parsed.error },
    );
  }
  const { practiceId, revision, rules: changes, addRules } = parsed.data;
  const tag = `${practiceId}.${revision}`;
  const issues: RulesetIssue[] = [];
  const rules = structuredClone(ruleset.rules) as RuleInput[];

  for (const [ruleId, change] of Object.entries(changes)) {
    const path = `overrides.rules.${ruleId}`;
    const rule = rules.find((candidate) => candidate.id === ruleId);
    if (!rule) {
      issues.push({ path, message: `no rule "${ruleId}" in ruleset ${ruleset.id}` });
      continue;
    }
    for (const [name, value] of Object.entries(change.parameters ?? {})) {
      const current = Object.hasOwn(rule.parameters ?? {}, name)
        ? rule.parameters?.[name]
        : undefined;
      if (current === undefined) {
        const known = Object.keys(rule.parameters ?? {});
        issues.push({
          path: `${path}.parameters.${name}`,
          message: `rule "${ruleId}" has no parameter "${name}" (parameters: ${known.join(', ') || 'none'})`,
        });
      } else {
        const checked = parameterValueSchemaFor(
          name,
          current,
          rule.parameterRanges?.[name],
        ).safeParse(value);
        if (checked.success) rule.parameters = { ...rule.parameters, [name]: checked.data };
        else {
          for (const issue of checked.error.issues) {
            issues.push({ path: `${path}.parameters.${name}`, message: issue.message });
          }
        }
      }
    }
    if (change.severity) rule.severity = change.severity;
    if (change.urgent !== undefined) rule.urgent = change.urgent;
    if (change.enabled === false) {
      rule.enabled = false;
      rule.disabledReason = change.reason;
    } else if (change.enabled === true) {
      rule.enabled = true;
      delete rule.disabledReason;
    }
    rule.version = `${coreVersion(rule.version)}+${tag}`;
  }
  if (issues.length > 0) throw new RulesetError(issues);

  return deepFreeze(
    parseRuleset({
      ...structuredClone(ruleset),
      version: `${coreVersion(ruleset.version)}+${tag}`,
      basedOn: { id: ruleset.id, version: ruleset.version },
      rules: [...rules, ...addRules],
    }),
  );
}
