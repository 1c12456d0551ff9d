import type { AnswerValue } from './answers.js';
import { buildContext, compileRuleset, isVisible } from './compile.js';
import type { Question } from './question.js';
import type { Ruleset } from './ruleset.js';

/**
 * The questions to show now, in ruleset order, given the answers so far
 * (skip logic applied; invalid answers count as unanswered). Pass
 * `audience` to list only the patient's or only the clinician's questions.
 */
export function questionsFor(
  ruleset: Ruleset,
  answers: unknown,
  options: { audience?: Question['audience'] } = {},
): Question[] {
  const compiled = compileRuleset(ruleset);
  const valid: Record<string, AnswerValue> = {};
  if (answers && typeof answers === 'object' && !Array.isArray(answers)) {
    const shape = compiled.answersSchema;
    for (const [id, value] of Object.entries(answers)) {
      const single = shape.safeParse({ [id]: value });
      if (single.success && single.data[id] !== undefined && single.data[id] !== null) {
        valid[id] = single.data[id];
      }
    }
  }
  const context = buildContext(compiled, valid);
  return compiled.questions
    .filter((_, at) => isVisible(compiled, context, at))
    .map((entry) => entry.question)
    .filter((question) => !options.audience || question.audience === options.audience);
}
