import type { Condition, Literal, Operand } from './condition.js';
import type { Question } from './question.js';

/** A FHIR R4 `Questionnaire.item.enableWhen` entry. */
export interface FhirEnableWhen {
  question: string;
  operator: 'exists' | '=' | '!=' | '>' | '<' | '>=' | '<=';
  answerBoolean?: boolean;
  answerDecimal?: number;
  answerInteger?: number;
  answerDate?: string;
  answerCoding?: { code: string };
}

/** FHIR skip logic for one item: its enableWhen list and how they combine. */
export interface FhirSkipLogic {
  enableWhen: FhirEnableWhen[];
  enableBehavior?: 'all' | 'any';
}

const operators = {
  equals: '=',
  greaterThan: '>',
  greaterThanOrEqual: '>=',
  lessThan: '<',
  lessThanOrEqual: '<=',
} as const;

type Lookup = (id: string) => Question | undefined;

function answerValue(
  question: Question,
  value: Literal,
): Omit<FhirEnableWhen, 'question' | 'operator'> | string {
  switch (question.type) {
    case 'boolean':
      return typeof value === 'boolean'
        ? { answerBoolean: value }
        : `question "${question.id}" is a boolean; compare it with true or false`;
    case 'number':
      if (typeof value !== 'number')
        return `question "${question.id}" is a number; compare it with a number`;
      return question.integer ? { answerInteger: value } : { answerDecimal: value };
    case 'choice':
    case 'multi':
      return typeof value === 'string'
        ? { answerCoding: { code: value } }
        : `question "${question.id}" takes option codes; compare it with a code string`;
    case 'date':
      return typeof value === 'string'
        ? { answerDate: value }
        : `question "${question.id}" is a date; compare it with an ISO date string`;
    default:
      return `skip logic cannot depend on a ${question.type} question ("${question.id}")`;
  }
}

function answerOperand(operand: Operand, lookup: Lookup): Question | string {
  if (typeof operand !== 'object' || !('answer' in operand) || operand.field !== undefined) {
    return 'skip logic compares an { answer } (left) with a literal (right)';
  }
  return lookup(operand.answer) ?? `question "${operand.answer}" is not an earlier question`;
}

function simple(condition: Condition, lookup: Lookup, negate = false): FhirEnableWhen[] | string {
  if ('not' in condition && !negate) return simple(condition.not, lookup, true);
  if ('answered' in condition) {
    if (!lookup(condition.answered))
      return `question "${condition.answered}" is not an earlier question`;
    return [{ question: condition.answered, operator: 'exists', answerBoolean: !negate }];
  }
  if ('in' in condition && !negate) {
    const question = answerOperand(condition.in[0], lookup);
    if (typeof question === 'string') return question;
    const entries: FhirEnableWhen[] = [];
    for (const value of condition.in[1]) {
      const answer = answerValue(question, value);
      if (typeof answer === 'string') return answer;
      entries.push({ question: question.id, operator: '=', ...answer });
    }
    return entries;
  }
  for (const [name, operator] of Object.entries(operators)) {
    if (!(name in condition)) continue;
    if (negate && name !== 'equals') return 'skip logic may negate only equals and answered';
    const [left, right] = (condition as Record<string, [Operand, Operand]>)[name] ?? [];
    if (left === undefined || right === undefined) continue;
    const question = answerOperand(left, lookup);
    if (typeof question === 'string') return question;
    if (typeof right === 'object') return 'skip logic compares an { answer } with a literal';
    const answer = answerValue(question, right);
    if (typeof answer === 'string') return answer;
    return [{ question: question.id, operator: negate ? '!=' : operator, ...answer }];
  }
  return 'skip logic supports answered, equals, in, comparisons, not (of equals/answered), and one level of all/any';
}

/**
 * Converts an `enableWhen` condition to FHIR R4 skip logic, or explains why it
 * cannot be expressed (FHIR allows one flat list combined with all or any).
 */
export function toFhirSkipLogic(condition: Condition, lookup: Lookup): FhirSkipLogic | string {
  const group = 'all' in condition ? condition.all : 'any' in condition ? condition.any : undefined;
  if (group) {
    const enableWhen: FhirEnableWhen[] = [];
    for (const child of group) {
      const entries = simple(child, lookup);
      if (typeof entries === 'string') return entries;
      if ('all' in condition && entries.length > 1) {
        return 'an "in" with several values cannot sit inside "all" in skip logic';
      }
      enableWhen.push(...entries);
    }
    return { enableWhen, enableBehavior: 'all' in condition ? 'all' : 'any' };
  }
  const entries = simple(condition, lookup);
  if (typeof entries === 'string') return entries;
  return entries.length > 1
    ? { enableWhen: entries, enableBehavior: 'any' }
    : { enableWhen: entries };
}
