import { type Ruleset, scoreInstrument } from '@groundwork/eligibility';
import { answersFromForm, type ScreeningFormValues } from '../screening/screening-form';
import type { MeasurementInput } from './measurements.server';

/**
 * The instrument scores of a screening form, read the way the screening page
 * reads it (answersFromForm) and scored by @groundwork/eligibility: one
 * score per fully answered PHQ-9 / GAD-7 / PCL-5 question. `problems` names
 * the instrument questions that were partly answered or out of range.
 */
export function screeningScores(
  ruleset: Ruleset,
  values: ScreeningFormValues,
  takenOn: string,
): { scores: MeasurementInput[]; problems: Record<string, string> } {
  const { answers, problems: formProblems } = answersFromForm(ruleset, values);
  const scores: MeasurementInput[] = [];
  const problems: Record<string, string> = {};
  for (const question of ruleset.questions) {
    if (question.type !== 'instrument') continue;
    const problem = formProblems[question.id];
    if (problem) {
      problems[question.id] = problem;
      continue;
    }
    const items = answers[question.id];
    if (items === undefined) continue;
    const scored = scoreInstrument(question.instrument, items);
    if (!scored.ok) {
      problems[question.id] = scored.errors.join(' ');
      continue;
    }
    scores.push({
      instrument: question.instrument,
      total: scored.value.total,
      items: scored.value.items,
      takenOn,
      source: 'screening',
    });
  }
  return { scores, problems };
}
