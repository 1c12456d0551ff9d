import {
  type AnswerValue,
  type Condition,
  INSTRUMENTS,
  type Locale,
  type Question,
  type Ruleset,
} from '@groundwork/eligibility';

/**
 * The screening form's fields, shared by the browser (React state) and the
 * no-JavaScript server action, so both read a form the same way. Nothing in
 * this module stores or sends anything.
 */

/** Raw form values by field name, as a browser would post them. */
export type ScreeningFormValues = Record<string, string | string[]>;

/** The form field name of a question (or of one part: `systolic`, item `3`). */
export function fieldName(questionId: string, part?: string | number): string {
  return part === undefined ? `q.${questionId}` : `q.${questionId}.${part}`;
}

/** The element id a question's fieldset or input carries (the target of "missing" links). */
export function questionAnchor(questionId: string): string {
  return `q-${questionId}`;
}

/** Collects a posted form into {@link ScreeningFormValues} (screening fields only). */
export function formValuesFrom(formData: FormData): ScreeningFormValues {
  const values: ScreeningFormValues = {};
  for (const key of new Set(formData.keys())) {
    if (!key.startsWith('q.')) continue;
    const all = formData.getAll(key).filter((value): value is string => typeof value === 'string');
    values[key] = all.length === 1 ? (all[0] ?? '') : all;
  }
  return values;
}

function single(values: ScreeningFormValues, name: string): string {
  const value = values[name];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
}

function list(values: ScreeningFormValues, name: string): string[] {
  const value = values[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((entry) => entry !== '');
}

const problemText = {
  en: {
    number: 'Enter a number.',
    bothReadings: 'Enter both the systolic and the diastolic reading.',
    items: (answered: number, total: number) =>
      `${answered} of ${total} items answered: the score counts once every item is answered.`,
    yesNo: 'Choose yes or no.',
  },
  es: {
    number: 'Escriba un número.',
    bothReadings: 'Escriba la presión sistólica y la diastólica.',
    items: (answered: number, total: number) =>
      `${answered} de ${total} ítems respondidos: la puntuación cuenta cuando todos estén respondidos.`,
    yesNo: 'Elija sí o no.',
  },
} as const;

function toNumber(text: string): number | null {
  if (!/^-?\d+(?:[.,]\d+)?$/.test(text)) return null;
  return Number(text.replace(',', '.'));
}

/**
 * Reads the form into answers for `screen`. Blank fields are unanswered.
 * Input that cannot become an answer at all (letters in a number, half a
 * blood pressure, a partly filled instrument) is left unanswered and
 * reported in `problems` by question id; values of the right kind but out of
 * range are passed on, so `screen` reports them with the rule's own wording.
 */
export function answersFromForm(
  ruleset: Ruleset,
  values: ScreeningFormValues,
  locale: Locale = 'en',
): { answers: Record<string, AnswerValue>; problems: Record<string, string> } {
  const text = problemText[locale];
  const answers: Record<string, AnswerValue> = {};
  const problems: Record<string, string> = {};
  for (const question of ruleset.questions) {
    const name = fieldName(question.id);
    switch (question.type) {
      case 'boolean': {
        const value = single(values, name);
        if (value === 'yes') answers[question.id] = true;
        else if (value === 'no') answers[question.id] = false;
        else if (value !== '') problems[question.id] = text.yesNo;
        break;
      }
      case 'number': {
        const value = single(values, name);
        if (value === '') break;
        const number = toNumber(value);
        if (number === null) problems[question.id] = text.number;
        else answers[question.id] = number;
        break;
      }
      case 'choice':
      case 'date': {
        const value = single(values, name);
        if (value !== '') answers[question.id] = value;
        break;
      }
      case 'multi': {
        const codes = list(values, name);
        if (codes.length > 0) answers[question.id] = codes;
        break;
      }
      case 'bloodPressure': {
        const systolic = single(values, fieldName(question.id, 'systolic'));
        const diastolic = single(values, fieldName(question.id, 'diastolic'));
        if (systolic === '' && diastolic === '') break;
        const high = toNumber(systolic);
        const low = toNumber(diastolic);
        if (systolic === '' || diastolic === '') problems[question.id] = text.bothReadings;
        else if (high === null || low === null) problems[question.id] = text.number;
        else answers[question.id] = { systolic: high, diastolic: low };
        break;
      }
      case 'instrument': {
        const { itemCount } = INSTRUMENTS[question.instrument];
        const items = Array.from({ length: itemCount }, (_, index) =>
          single(values, fieldName(question.id, index + 1)),
        );
        const answered = items.filter((item) => item !== '').length;
        if (answered === 0) break;
        if (answered < itemCount) {
          problems[question.id] = text.items(answered, itemCount);
          break;
        }
        const scores = items.map(toNumber);
        if (scores.some((score) => score === null)) problems[question.id] = text.number;
        else answers[question.id] = scores as number[];
        break;
      }
    }
  }
  return { answers, problems };
}

const conditionText = {
  en: {
    answeredYes: (prompt: string) => `Answer only if the answer to “${prompt}” was yes.`,
    answeredNo: (prompt: string) => `Answer only if the answer to “${prompt}” was no.`,
    oneOf: (prompt: string, labels: string) =>
      `Answer only if the answer to “${prompt}” was one of: ${labels}.`,
    other: 'Answer only if it applies given the earlier answers.',
  },
  es: {
    answeredYes: (prompt: string) => `Responda solo si la respuesta a «${prompt}» fue sí.`,
    answeredNo: (prompt: string) => `Responda solo si la respuesta a «${prompt}» fue no.`,
    oneOf: (prompt: string, labels: string) =>
      `Responda solo si la respuesta a «${prompt}» fue una de: ${labels}.`,
    other: 'Responda solo si corresponde según las respuestas anteriores.',
  },
} as const;

/**
 * The skip logic of a question in words, for the form without JavaScript
 * (where every question is shown). `null` when the question is always asked.
 */
export function describeSkipLogic(
  question: Question,
  ruleset: Ruleset,
  locale: Locale,
): string | null {
  const condition: Condition | undefined = question.enableWhen;
  if (!condition) return null;
  const text = conditionText[locale];
  const find = (id: string) => ruleset.questions.find((candidate) => candidate.id === id);
  if ('equals' in condition) {
    const [left, right] = condition.equals;
    const source = typeof left === 'object' && 'answer' in left ? find(left.answer) : undefined;
    if (source && typeof right === 'boolean') {
      return right
        ? text.answeredYes(source.prompt[locale])
        : text.answeredNo(source.prompt[locale]);
    }
  }
  if ('in' in condition) {
    const [operand, codes] = condition.in;
    const source =
      typeof operand === 'object' && 'answer' in operand ? find(operand.answer) : undefined;
    if (source && (source.type === 'choice' || source.type === 'multi')) {
      const labels = source.options
        .filter((option) => codes.includes(option.code))
        .map((option) => option.label[locale]);
      return text.oneOf(source.prompt[locale], labels.join(', '));
    }
  }
  return text.other;
}
