import type { AnswerValue } from './answers.js';
import { type CompiledRuleset, type Context, FALSE } from './compile.js';
import { operandsOf } from './condition.js';
import type { Question } from './question.js';
import type { LocalizedText } from './text.js';

/**
 * An answer the screening did not use because the skip logic hides its
 * question, e.g. `ketamineCystitis: true` given with `bladderProblems: false`.
 * The answers may contradict each other: a clinician checks both.
 */
export interface HiddenAnswerWarning {
  kind: 'hidden-answer';
  /** The question whose answer was ignored. */
  question: string;
  /** The earlier questions its skip logic reads, whose answers hide it. */
  hiddenBy: string[];
  /** The ignored answer, as given. */
  answer: AnswerValue;
  message: LocalizedText;
}

/** Something about the answers a clinician should know; it never changes the decision. */
export type ScreeningWarning = HiddenAnswerWarning;

/** The questions a skip-logic condition reads, in order, without repeats. */
export function questionsReadBy(question: Question): string[] {
  if (!question.enableWhen) return [];
  const ids = operandsOf(question.enableWhen).flatMap(({ operand }) => {
    if (typeof operand !== 'object') return [];
    if ('answer' in operand) return [operand.answer];
    if ('score' in operand) return [operand.score];
    if ('item' in operand) return [operand.item];
    return [];
  });
  return [...new Set(ids)];
}

function copy(value: AnswerValue): AnswerValue {
  if (Array.isArray(value)) return [...value] as AnswerValue;
  if (typeof value === 'object') return { ...value };
  return value;
}

/**
 * Warnings for answers to questions whose skip logic is definitely false in
 * the built context (the answers `buildContext` dropped).
 */
export function hiddenAnswerWarnings(
  compiled: CompiledRuleset,
  context: Context,
  answers: Readonly<Record<string, AnswerValue | null | undefined>>,
): HiddenAnswerWarning[] {
  const warnings: HiddenAnswerWarning[] = [];
  for (const { question, visible } of compiled.questions) {
    if (!visible || !Object.hasOwn(answers, question.id)) continue;
    const answer = answers[question.id];
    if (answer === null || answer === undefined) continue;
    // Skip logic reads only earlier questions, so the finished context gives
    // the same visibility that buildContext saw when it dropped the answer.
    if (visible(context) !== FALSE) continue;
    const hiddenBy = questionsReadBy(question);
    const by = hiddenBy.join(', ');
    warnings.push({
      kind: 'hidden-answer',
      question: question.id,
      hiddenBy,
      answer: copy(answer),
      message: {
        en: `The answer to ${question.id} was not used: with the answer given to ${by}, this question is not asked. Check both answers; if the answer to ${question.id} is right, correct ${by} and screen again.`,
        es: `No se usó la respuesta a ${question.id}: con la respuesta dada a ${by}, esta pregunta no se hace. Revise ambas respuestas; si la de ${question.id} es correcta, corrija ${by} y vuelva a evaluar.`,
      },
    });
  }
  return warnings;
}
