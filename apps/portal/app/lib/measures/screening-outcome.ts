import {
  DECISIONS,
  INSTRUMENTS,
  LOCALES,
  type Locale,
  type Ruleset,
  SEVERITIES,
  type ScreeningResult,
} from '@groundwork/eligibility';
import * as z from 'zod';
import { factLines } from '../screening/fact-labels';

/** A source a saved finding cites, resolved to its citation when it was saved. */
const SourceSchema = z.object({
  id: z.string(),
  citation: z.string().optional(),
  url: z.string().optional(),
});

/** One finding as saved: why (message and the answers it read, in words) and its sources. */
const SavedFindingSchema = z.object({
  ruleId: z.string(),
  ruleVersion: z.string(),
  severity: z.enum(SEVERITIES),
  urgent: z.boolean(),
  message: z.string(),
  facts: z.array(z.object({ label: z.string(), value: z.string() })),
  sources: z.array(SourceSchema),
});

/**
 * What a saved screening keeps (encrypted, as one JSON value): the suggested
 * outcome and every finding in the words the clinician read, the prompts of
 * required questions left unanswered, and the instrument totals. Not the
 * answers themselves.
 */
export const ScreeningOutcomeSchema = z.object({
  locale: z.enum(LOCALES),
  decision: z.enum(DECISIONS),
  urgent: z.boolean(),
  findings: z.array(SavedFindingSchema),
  missing: z.array(z.string()),
  scores: z.array(z.object({ name: z.string(), total: z.number(), band: z.string().optional() })),
});

/** A saved screening's outcome. */
export type ScreeningOutcome = z.infer<typeof ScreeningOutcomeSchema>;

/**
 * The outcome of a screening as it is saved to a patient record, worded with
 * the ruleset's own prompts in the screening's locale and with each source's
 * citation, so it reads the same after the practice changes its rules.
 */
export function screeningOutcome({
  result,
  ruleset,
  locale,
  citations,
}: {
  result: ScreeningResult;
  ruleset: Ruleset;
  locale: Locale;
  citations: Readonly<Record<string, { citation: string; url?: string }>>;
}): ScreeningOutcome {
  const prompt = (id: string) =>
    ruleset.questions.find((question) => question.id === id)?.prompt[locale] ?? id;
  return {
    locale,
    decision: result.decision,
    urgent: result.urgent,
    findings: result.findings.map((finding) => ({
      ruleId: finding.ruleId,
      ruleVersion: finding.ruleVersion,
      severity: finding.severity,
      urgent: finding.urgent,
      message: finding.message[locale],
      facts: factLines(finding.facts, ruleset, locale),
      sources: finding.references.map((reference) => {
        const citation = reference.citation ?? citations[reference.id]?.citation;
        const url = reference.url ?? citations[reference.id]?.url;
        return { id: reference.id, ...(citation ? { citation } : {}), ...(url ? { url } : {}) };
      }),
    })),
    missing: result.missing.map(prompt),
    scores: Object.values(result.scores).map((score) => {
      const definition = INSTRUMENTS[score.instrument];
      const band = definition.bands.find((candidate) => candidate.id === score.band);
      return {
        name: definition.name,
        total: score.total,
        ...(band ? { band: band.label[locale] } : {}),
      };
    }),
  };
}
