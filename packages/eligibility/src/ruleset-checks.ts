import type * as z from 'zod';
import { type Condition, COMPARISONS, type Operand } from './condition.js';
import { toFhirSkipLogic } from './fhir-enable-when.js';
import { INSTRUMENTS } from './instruments/index.js';
import type { Question } from './question.js';
import type { Rule } from './rule.js';
import { placeholders } from './text.js';

/** Flags each instrument can raise (usable in `{ flag: [questionId, flag] }`). */
export const INSTRUMENT_FLAGS = {
  phq9: ['item9Positive'],
  gad7: [],
  pcl5: ['provisionalPtsd', 'clusterCriteriaMet'],
} as const;

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

function checkOperand(
  operand: Operand,
  path: Path,
  questions: ReadonlyMap<string, Question>,
  parameters: Readonly<Record<string, unknown>> | undefined,
  report: Report,
): void {
  if (typeof operand !== 'object') return;
  if ('param' in operand) {
    if (!parameters) report(path, 'skip logic cannot use rule parameters');
    else if (!Object.hasOwn(parameters, operand.param)) {
      const known = Object.keys(parameters);
      report(
        [...path, 'param'],
        `parameter "${operand.param}" is not defined on this rule (defined: ${known.length > 0 ? known.join(', ') : 'none'})`,
      );
    }
    return;
  }
  const id =
    'answer' in operand ? operand.answer : 'score' in operand ? operand.score : operand.item;
  const key = 'answer' in operand ? 'answer' : 'score' in operand ? 'score' : 'item';
  const question = questions.get(id);
  if (!question) {
    report(
      [...path, key],
      `question "${id}" does not exist${parameters ? '' : ' before this question'}`,
    );
    return;
  }
  if ('answer' in operand) {
    if (question.type === 'bloodPressure' && !operand.field) {
      report(path, `question "${id}" is a blood pressure: add field "systolic" or "diastolic"`);
    } else if (question.type !== 'bloodPressure' && operand.field) {
      report(
        [...path, 'field'],
        `field is only for blood pressure questions; "${id}" is a ${question.type}`,
      );
    } else if (question.type === 'instrument' || question.type === 'multi') {
      report(
        path,
        `a ${question.type} answer cannot be compared; use ${question.type === 'multi' ? '"in"' : '{ score } or { item }'}`,
      );
    }
    return;
  }
  if (question.type !== 'instrument') {
    report([...path, key], `question "${id}" is a ${question.type}, not an instrument`);
    return;
  }
  if ('item' in operand && operand.number > INSTRUMENTS[question.instrument].itemCount) {
    report(
      [...path, 'number'],
      `${INSTRUMENTS[question.instrument].name} has ${INSTRUMENTS[question.instrument].itemCount} items; received item ${operand.number}`,
    );
  }
}

/** What kind of value an operand yields, when it can be known from the ruleset. */
function operandType(
  operand: Operand,
  questions: ReadonlyMap<string, Question>,
  parameters: Readonly<Record<string, unknown>> | undefined,
): 'number' | 'string' | 'boolean' | undefined {
  if (typeof operand !== 'object') return typeof operand as 'number' | 'string' | 'boolean';
  if ('param' in operand) {
    const value = parameters?.[operand.param];
    return value === undefined ? undefined : (typeof value as 'number' | 'string' | 'boolean');
  }
  if ('score' in operand || 'item' in operand) return 'number';
  const question = questions.get(operand.answer);
  switch (question?.type) {
    case 'boolean':
      return 'boolean';
    case 'number':
    case 'bloodPressure':
      return 'number';
    case 'choice':
    case 'date':
      return 'string';
    default:
      return undefined;
  }
}

function checkCode(
  question: Question | undefined,
  value: unknown,
  path: Path,
  report: Report,
): void {
  if (!question || (question.type !== 'choice' && question.type !== 'multi')) return;
  if (!question.options.some((option) => option.code === value)) {
    report(
      path,
      `"${String(value)}" is not an option of "${question.id}" (options: ${question.options.map((option) => option.code).join(', ')})`,
    );
  }
}

function checkCondition(
  condition: Condition,
  path: Path,
  questions: ReadonlyMap<string, Question>,
  parameters: Readonly<Record<string, unknown>> | undefined,
  report: Report,
): void {
  if ('all' in condition || 'any' in condition) {
    const key = 'all' in condition ? 'all' : 'any';
    const children = 'all' in condition ? condition.all : condition.any;
    children.forEach((child, index) => {
      checkCondition(child, [...path, key, index], questions, parameters, report);
    });
    return;
  }
  if ('not' in condition) {
    checkCondition(condition.not, [...path, 'not'], questions, parameters, report);
    return;
  }
  if ('answered' in condition) {
    if (!questions.has(condition.answered)) {
      report([...path, 'answered'], `question "${condition.answered}" does not exist`);
    }
    return;
  }
  if ('flag' in condition) {
    const [id, flag] = condition.flag;
    const question = questions.get(id);
    if (question?.type !== 'instrument') {
      report([...path, 'flag', 0], `question "${id}" is not an instrument question`);
      return;
    }
    const known: readonly string[] = INSTRUMENT_FLAGS[question.instrument];
    if (!known.includes(flag)) {
      report(
        [...path, 'flag', 1],
        `${INSTRUMENTS[question.instrument].name} raises no flag "${flag}" (flags: ${known.join(', ') || 'none'})`,
      );
    }
    return;
  }
  if ('in' in condition) {
    const [operand, values] = condition.in;
    const isMulti =
      typeof operand === 'object' &&
      'answer' in operand &&
      questions.get(operand.answer)?.type === 'multi';
    if (!isMulti) checkOperand(operand, [...path, 'in', 0], questions, parameters, report);
    if (typeof operand === 'object' && 'answer' in operand) {
      values.forEach((value, index) => {
        checkCode(questions.get(operand.answer), value, [...path, 'in', 1, index], report);
      });
    }
    return;
  }
  for (const name of COMPARISONS) {
    if (!(name in condition)) continue;
    const pair = (condition as Record<string, [Operand, Operand]>)[name];
    if (!pair) return;
    pair.forEach((operand, index) => {
      checkOperand(operand, [...path, name, index], questions, parameters, report);
    });
    const [left, right] = pair;
    const leftType = operandType(left, questions, parameters);
    const rightType = operandType(right, questions, parameters);
    if (leftType && rightType && leftType !== rightType) {
      report(
        [...path, name],
        `compares a ${leftType} with a ${rightType}; both sides must be the same kind of value`,
      );
    } else if (name !== 'equals' && (leftType === 'boolean' || rightType === 'boolean')) {
      report([...path, name], `${name} needs numbers or dates; true/false can only use equals`);
    }
    if (
      name === 'equals' &&
      typeof left === 'object' &&
      'answer' in left &&
      typeof right === 'string'
    ) {
      checkCode(questions.get(left.answer), right, [...path, name, 1], report);
    }
  }
}

/**
 * The checks beyond shape for a ruleset: unique ids, conditions that name
 * existing questions, options and parameters with matching types, skip logic
 * that points only to earlier questions and can be expressed in FHIR, and
 * message placeholders that name parameters. Reports through zod's context.
 */
export function checkRuleset(
  ruleset: { questions: Question[]; rules: Rule[] },
  context: z.RefinementCtx,
): void {
  const report: Report = (path, message) => context.addIssue({ code: 'custom', path, message });
  const earlier = new Map<string, Question>();
  ruleset.questions.forEach((question, index) => {
    const path: Path = ['questions', index];
    if (earlier.has(question.id)) report([...path, 'id'], `duplicate question id "${question.id}"`);
    if (question.enableWhen) {
      checkCondition(question.enableWhen, [...path, 'enableWhen'], earlier, undefined, report);
      const fhir = toFhirSkipLogic(question.enableWhen, (id) => earlier.get(id));
      if (typeof fhir === 'string') report([...path, 'enableWhen'], fhir);
    }
    if (question.type === 'number' && question.min > question.max) {
      report([...path, 'max'], `max (${question.max}) is below min (${question.min})`);
    }
    if (question.type === 'choice' || question.type === 'multi') {
      const codes = question.options.map((option) => option.code);
      const duplicate = codes.find((code, at) => codes.indexOf(code) !== at);
      if (duplicate) report([...path, 'options'], `duplicate option code "${duplicate}"`);
    }
    earlier.set(question.id, question);
  });
  const ruleIds = new Set<string>();
  ruleset.rules.forEach((rule, index) => {
    const path: Path = ['rules', index];
    if (ruleIds.has(rule.id)) report([...path, 'id'], `duplicate rule id "${rule.id}"`);
    ruleIds.add(rule.id);
    checkCondition(rule.condition, [...path, 'condition'], earlier, rule.parameters, report);
    for (const locale of ['en', 'es'] as const) {
      for (const name of placeholders(rule.message[locale])) {
        if (!Object.hasOwn(rule.parameters, name)) {
          report(
            [...path, 'message', locale],
            `placeholder {${name}} names no parameter of this rule`,
          );
        }
      }
    }
  });
}
