import { type AnswerError, answerErrors } from './answers.js';
import { TRUE, buildContext, compileRuleset } from './compile.js';
import type { Decision } from './decision.js';
import type { InstrumentScore } from './instruments/instrument.js';
import { type ScreeningWarning, hiddenAnswerWarnings } from './hidden-answers.js';
import type { FindingReference } from './references.js';
import type { Severity } from './rule.js';
import type { Ruleset } from './ruleset.js';
import type { LocalizedText } from './text.js';

/** One rule that fired: why (message, facts) and on what authority (references). */
export interface Finding {
  ruleId: string;
  ruleVersion: string;
  severity: Severity;
  /** Needs clinician attention today. */
  urgent: boolean;
  message: LocalizedText;
  references: FindingReference[];
  /** The answers and scores the rule looked at, e.g. `{ 'phq9.item9': 1 }`. */
  facts: Record<string, unknown>;
}

/** The outcome of `screen`: decision support for a clinician, not a verdict. */
export interface ScreeningResult {
  decision: Decision;
  /** True when any finding is urgent (e.g. suicide risk): act today. */
  urgent: boolean;
  /** Every finding, most serious first (exclude, defer, review, info). */
  findings: Finding[];
  /** Required questions, currently shown, that have no answer. */
  missing: string[];
  /** Scores of completed instruments, by question id. */
  scores: Record<string, InstrumentScore>;
  /** Invalid answers; when non-empty the decision is `incomplete` and nothing else is evaluated. */
  errors: AnswerError[];
  /**
   * Answers that were not used, such as an answer to a question the skip
   * logic hides (`kind: 'hidden-answer'`); they never change the decision.
   */
  warnings: ScreeningWarning[];
  ruleset: { id: string; version: string };
}

function structuredCopy(value: unknown): unknown {
  if (Array.isArray(value)) return [...value];
  if (value && typeof value === 'object') return { ...value };
  return value;
}

const severityOrder: Record<Severity, number> = { exclude: 0, defer: 1, review: 2, info: 3 };

/**
 * Screens one patient's answers against a ruleset. Pure and deterministic;
 * never throws for any answers value (bad answers come back in `errors`).
 * Throws `RulesetError` only for an invalid ruleset (a developer error).
 *
 * Decision precedence: any `exclude` finding → `ineligible`; else any `defer`
 * → `defer`; else any `review` → `needs-review`; else missing required
 * answers → `incomplete`; else `eligible`. Findings are reported even when
 * answers are missing, and `eligible` is never returned while any are.
 */
export function screen(answers: unknown, ruleset: Ruleset): ScreeningResult {
  const compiled = compileRuleset(ruleset);
  const identity = { id: compiled.ruleset.id, version: compiled.ruleset.version };
  // The fast check accepts exactly what the zod schema accepts; zod runs
  // only for bad answers, to word the errors.
  const parsed = compiled.answersValid(answers)
    ? { success: true as const, data: answers }
    : compiled.answersSchema.safeParse(answers);
  if (!parsed.success) {
    return {
      decision: 'incomplete',
      urgent: false,
      findings: [],
      missing: [],
      scores: {},
      errors: answerErrors(parsed.error),
      warnings: [],
      ruleset: identity,
    };
  }
  const context = buildContext(compiled, parsed.data);

  const missing: string[] = [];
  const scores: Record<string, InstrumentScore> = {};
  compiled.questions.forEach((entry, at) => {
    const score = context.scores[at];
    if (score) scores[entry.question.id] = score;
    if (
      entry.question.required &&
      context.values[at] === undefined &&
      (!entry.visible || entry.visible(context) === TRUE)
    ) {
      missing.push(entry.question.id);
    }
  });

  const findings: Finding[] = [];
  for (const { rule, fires, facts, message, references } of compiled.rules) {
    if (fires(context) !== TRUE) continue;
    const known: Record<string, unknown> = {};
    for (const fact of facts) {
      const value = fact.get(context);
      // Copies, so a result never aliases the caller's answers.
      if (value !== undefined) known[fact.label] = structuredCopy(value);
    }
    findings.push({
      ruleId: rule.id,
      ruleVersion: rule.version,
      severity: rule.severity,
      urgent: rule.urgent,
      message,
      references: [...references],
      facts: known,
    });
  }
  findings.sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);

  const has = (severity: Severity) => findings.some((finding) => finding.severity === severity);
  const decision: Decision = has('exclude')
    ? 'ineligible'
    : has('defer')
      ? 'defer'
      : has('review')
        ? 'needs-review'
        : missing.length > 0
          ? 'incomplete'
          : 'eligible';

  return {
    decision,
    urgent: findings.some((finding) => finding.urgent),
    findings,
    missing,
    scores,
    errors: [],
    warnings: hiddenAnswerWarnings(compiled, context, parsed.data),
    ruleset: identity,
  };
}
