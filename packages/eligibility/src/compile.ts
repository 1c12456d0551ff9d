import type * as z from 'zod';
import { type AnswerValue, answersCheckFor, answersSchemaFor } from './answers.js';
import { COMPARISONS, type Comparison, type Condition, type Operand } from './condition.js';
import { INSTRUMENTS } from './instruments/index.js';
import { bandOf, sum } from './instruments/instrument.js';
import { PCL5_DEFAULT_CUT_POINT, pcl5ClustersMet } from './instruments/pcl5.js';
import type { InstrumentScore } from './instruments/instrument.js';
import type { Question } from './question.js';
import { deepFreeze } from './deep-freeze.js';
import { type FindingReference, resolveReference } from './references.js';
import type { Rule } from './rule.js';
import { type LocalizedText, interpolate } from './text.js';
import { type Ruleset, parseRuleset } from './ruleset.js';

/** Three-valued truth: definitely false. */
export const FALSE = 0;
/** Three-valued truth: definitely true. */
export const TRUE = 1;
/** Three-valued truth: unknown, because an answer it depends on is missing. */
export const UNKNOWN = 2;
type Truth = 0 | 1 | 2;

/** What conditions read: visible answers and instrument scores, by question index. */
export interface Context {
  values: (AnswerValue | undefined)[];
  scores: (InstrumentScore | undefined)[];
}

type Getter = (context: Context) => unknown;
type Test = (context: Context) => Truth;

/** A ruleset prepared for fast, repeated screening. */
export interface CompiledRuleset {
  ruleset: Ruleset;
  answersSchema: z.ZodType<Record<string, AnswerValue | null | undefined>>;
  answersValid: (answers: unknown) => answers is Record<string, AnswerValue | null | undefined>;
  questions: {
    question: Question;
    visible: Test | undefined;
    score: ((value: AnswerValue) => InstrumentScore | undefined) | undefined;
  }[];
  rules: {
    rule: Rule;
    fires: Test;
    facts: { label: string; get: Getter }[];
    /** Message with parameters filled in, and resolved references (shared, frozen). */
    message: LocalizedText;
    references: readonly FindingReference[];
  }[];
}

function compileOperand(
  operand: Operand,
  index: ReadonlyMap<string, number>,
  parameters: Readonly<Record<string, unknown>>,
): { get: Getter; label?: string } {
  if (typeof operand !== 'object') return { get: () => operand };
  if ('param' in operand) {
    const value = parameters[operand.param];
    return { get: () => value };
  }
  if ('answer' in operand) {
    const at = index.get(operand.answer) ?? -1;
    const field = operand.field;
    if (field) {
      return {
        get: (context) => (context.values[at] as Record<string, number> | undefined)?.[field],
        label: `${operand.answer}.${field}`,
      };
    }
    return { get: (context) => context.values[at], label: operand.answer };
  }
  if ('score' in operand) {
    const at = index.get(operand.score) ?? -1;
    return { get: (context) => context.scores[at]?.total, label: `${operand.score}.total` };
  }
  const at = index.get(operand.item) ?? -1;
  const item = operand.number - 1;
  return {
    get: (context) => context.scores[at]?.items[item],
    label: `${operand.item}.item${operand.number}`,
  };
}

const compare: Record<Comparison, (left: never, right: never) => boolean> = {
  equals: (left, right) => left === right,
  greaterThan: (left, right) => left > right,
  greaterThanOrEqual: (left, right) => left >= right,
  lessThan: (left, right) => left < right,
  lessThanOrEqual: (left, right) => left <= right,
};

function compileCondition(
  condition: Condition,
  index: ReadonlyMap<string, number>,
  parameters: Readonly<Record<string, unknown>>,
  facts: { label: string; get: Getter }[],
): Test {
  const recurse = (child: Condition) => compileCondition(child, index, parameters, facts);
  const read = (operand: Operand) => {
    const compiled = compileOperand(operand, index, parameters);
    if (compiled.label && !facts.some((fact) => fact.label === compiled.label)) {
      facts.push({ label: compiled.label, get: compiled.get });
    }
    return compiled.get;
  };
  if ('all' in condition) {
    const children = condition.all.map(recurse);
    return (context) => {
      let result: Truth = TRUE;
      for (const child of children) {
        const value = child(context);
        if (value === FALSE) return FALSE;
        if (value === UNKNOWN) result = UNKNOWN;
      }
      return result;
    };
  }
  if ('any' in condition) {
    const children = condition.any.map(recurse);
    return (context) => {
      let result: Truth = FALSE;
      for (const child of children) {
        const value = child(context);
        if (value === TRUE) return TRUE;
        if (value === UNKNOWN) result = UNKNOWN;
      }
      return result;
    };
  }
  if ('not' in condition) {
    const child = recurse(condition.not);
    return (context) => {
      const value = child(context);
      return value === UNKNOWN ? UNKNOWN : value === TRUE ? FALSE : TRUE;
    };
  }
  if ('answered' in condition) {
    const at = index.get(condition.answered) ?? -1;
    return (context) => (context.values[at] === undefined ? FALSE : TRUE);
  }
  if ('flag' in condition) {
    const [id, flag] = condition.flag;
    const at = index.get(id) ?? -1;
    facts.push({ label: `${id}.flags`, get: (context) => context.scores[at]?.flags });
    return (context) => {
      const score = context.scores[at];
      if (!score) return UNKNOWN;
      return score.flags.includes(flag) ? TRUE : FALSE;
    };
  }
  if ('in' in condition) {
    const get = read(condition.in[0]);
    const values: readonly unknown[] = condition.in[1];
    return (context) => {
      const value = get(context);
      if (value === undefined) return UNKNOWN;
      if (Array.isArray(value)) return value.some((entry) => values.includes(entry)) ? TRUE : FALSE;
      return values.includes(value) ? TRUE : FALSE;
    };
  }
  for (const name of COMPARISONS) {
    if (!(name in condition)) continue;
    const [left, right] = (condition as Record<Comparison, [Operand, Operand]>)[name];
    const getLeft = read(left);
    const getRight = read(right);
    const test = compare[name];
    return (context) => {
      const a = getLeft(context);
      const b = getRight(context);
      if (a === undefined || b === undefined) return UNKNOWN;
      if (typeof a !== typeof b) return FALSE;
      return test(a as never, b as never) ? TRUE : FALSE;
    };
  }
  return () => UNKNOWN;
}

// Answers reaching the scorer are already validated, so it only adds up.
function scorer(
  instrument: InstrumentScore['instrument'],
  cutPoint = PCL5_DEFAULT_CUT_POINT,
): (value: AnswerValue) => InstrumentScore {
  const definition = INSTRUMENTS[instrument];
  return (value) => {
    const items = value as number[];
    const total = sum(items);
    const flags: string[] = [];
    if (instrument === 'phq9' && (items[8] ?? 0) > 0) flags.push('item9Positive');
    if (instrument === 'pcl5') {
      if (total >= cutPoint) flags.push('provisionalPtsd');
      if (pcl5ClustersMet(items)) flags.push('clusterCriteriaMet');
    }
    const band = bandOf(definition, total);
    return band === undefined
      ? { instrument, total, flags, items: [...items] }
      : { instrument, total, band, flags, items: [...items] };
  };
}

const cache = new WeakMap<object, CompiledRuleset>();

/**
 * Validates and compiles a ruleset once; later calls with the same object
 * reuse the result. Throws `RulesetError` for an invalid ruleset.
 */
export function compileRuleset(input: Ruleset): CompiledRuleset {
  const cached = cache.get(input);
  if (cached) return cached;
  const ruleset = parseRuleset(input);
  const index = new Map(ruleset.questions.map((question, at) => [question.id, at]));
  const compiled: CompiledRuleset = {
    ruleset,
    answersSchema: answersSchemaFor(ruleset),
    answersValid: answersCheckFor(ruleset),
    questions: ruleset.questions.map((question) => ({
      question,
      visible: question.enableWhen
        ? compileCondition(question.enableWhen, index, {}, [])
        : undefined,
      score:
        question.type === 'instrument' ? scorer(question.instrument, question.cutPoint) : undefined,
    })),
    rules: ruleset.rules
      .filter((rule) => rule.enabled)
      .map((rule) => {
        const facts: { label: string; get: Getter }[] = [];
        return {
          rule,
          fires: compileCondition(rule.condition, index, rule.parameters, facts),
          facts,
          message: deepFreeze({
            en: interpolate(rule.message.en, rule.parameters),
            es: interpolate(rule.message.es, rule.parameters),
          }),
          references: deepFreeze(rule.references.map(resolveReference)),
        };
      }),
  };
  cache.set(input, compiled);
  return compiled;
}

/** Fills the context in question order, dropping answers whose question is hidden. */
export function buildContext(
  compiled: CompiledRuleset,
  answers: Readonly<Record<string, AnswerValue | null | undefined>>,
): Context {
  const count = compiled.questions.length;
  const context: Context = { values: new Array(count), scores: new Array(count) };
  for (let at = 0; at < count; at++) {
    const entry = compiled.questions[at];
    if (!entry) continue;
    // Keep an answer unless its skip logic is definitely false: a "yes" to
    // pregnancy still counts while the question that gates it is unanswered.
    if (entry.visible && entry.visible(context) === FALSE) continue;
    const value = Object.hasOwn(answers, entry.question.id)
      ? answers[entry.question.id]
      : undefined;
    if (value === null || value === undefined) continue;
    context.values[at] = value;
    if (entry.score) context.scores[at] = entry.score(value);
  }
  return context;
}

/** Whether the question at `at` is visible in a built context. */
export function isVisible(compiled: CompiledRuleset, context: Context, at: number): boolean {
  const entry = compiled.questions[at];
  return entry !== undefined && (!entry.visible || entry.visible(context) === TRUE);
}
