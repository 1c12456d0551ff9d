import { type Rule, SEVERITIES } from '@groundwork/eligibility';
import * as z from 'zod';
import type { RuleSettings } from './rulesets.server';

/** The change-a-rule form's fixed fields (parameters are read per rule). */
const RuleChangeFormSchema = z.object({
  ruleId: z.string().min(1, 'Which rule? (ruleId is missing)'),
  basedOnRevision: z.coerce
    .number({ error: 'basedOnRevision: expected the version number the form showed' })
    .int()
    .min(0),
  severity: z.enum(SEVERITIES, { error: `Choose a severity: ${SEVERITIES.join(', ')}` }),
  reason: z
    .string()
    .trim()
    .min(10, 'Say why you make this change (at least 10 characters); it goes into the audit trail.')
    .max(2000, 'Keep the reason under 2,000 characters.'),
});

/** A parsed change, or errors by field name (`severity`, `reason`, `param.<name>`, `form`). */
export type RuleChangeParse =
  | { ok: true; ruleId: string; basedOnRevision: number; settings: RuleSettings; reason: string }
  | { ok: false; ruleId: string; fieldErrors: Record<string, string> };

const MAX_PARAMETER = 10_000;

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

/**
 * Reads a posted rule change. The rule is looked up in the practice's own
 * ruleset (never trusted from the form); each parameter must keep the type
 * of the original — a whole number stays whole — and stay within the range
 * the rule declares (`parameterRanges`), or 0–10,000 for a rule without one.
 */
export function parseRuleChange(formData: FormData, rules: readonly Rule[]): RuleChangeParse {
  const ruleId = text(formData, 'ruleId');
  const parsed = RuleChangeFormSchema.safeParse({
    ruleId,
    basedOnRevision: text(formData, 'basedOnRevision'),
    severity: text(formData, 'severity'),
    reason: text(formData, 'reason'),
  });
  const fieldErrors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'form');
      fieldErrors[field === 'ruleId' || field === 'basedOnRevision' ? 'form' : field] ??=
        issue.message;
    }
  }
  const rule = rules.find((candidate) => candidate.id === ruleId);
  if (!rule) {
    return {
      ok: false,
      ruleId,
      fieldErrors: { form: `There is no rule "${ruleId}" in this practice's ruleset.` },
    };
  }
  const parameters: RuleSettings['parameters'] = {};
  for (const [name, original] of Object.entries(rule.parameters)) {
    const field = `param.${name}`;
    const raw = text(formData, field).trim();
    if (typeof original === 'boolean') {
      parameters[name] = formData.get(field) === 'on';
    } else if (typeof original === 'string') {
      if (raw === '') fieldErrors[field] = `${name}: enter a value.`;
      else parameters[name] = raw;
    } else {
      const number = /^-?\d+(?:\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
      const whole = Number.isInteger(original);
      // The package's documented range for this parameter, when the rule declares one.
      const range = rule.parameterRanges?.[name];
      if (!Number.isFinite(number)) {
        fieldErrors[field] = `${name}: expected a number such as ${original}, received "${raw}".`;
      } else if (whole && !Number.isInteger(number)) {
        fieldErrors[field] =
          `${name}: expected a whole number like the original (${original}), received ${raw}.`;
      } else if (range && (number < range.min || number > range.max)) {
        fieldErrors[field] =
          `${name}: expected ${range.integer ? 'a whole number' : 'a number'} from ${range.min} to ${range.max}${range.unit ? ` ${range.unit}` : ''}, received ${raw}.`;
      } else if (!range && (number < 0 || number > MAX_PARAMETER)) {
        fieldErrors[field] =
          `${name}: expected a number from 0 to ${MAX_PARAMETER}, received ${raw}.`;
      } else {
        parameters[name] = number;
      }
    }
  }
  if (!parsed.success || Object.keys(fieldErrors).length > 0) {
    return { ok: false, ruleId, fieldErrors };
  }
  return {
    ok: true,
    ruleId,
    basedOnRevision: parsed.data.basedOnRevision,
    settings: {
      severity: parsed.data.severity,
      enabled: formData.get('enabled') === 'on',
      parameters,
    },
    reason: parsed.data.reason,
  };
}
