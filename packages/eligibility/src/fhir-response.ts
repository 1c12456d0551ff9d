import * as z from 'zod';
import type { AnswerError, AnswerValue } from './answers.js';
import { answerErrors } from './answers.js';
import { compileRuleset } from './compile.js';
import { INSTRUMENTS } from './instruments/index.js';
import type { Question } from './question.js';
import type { Ruleset } from './ruleset.js';

const FhirAnswerSchema = z.looseObject({
  valueBoolean: z.boolean().optional(),
  valueDecimal: z.number().optional(),
  valueInteger: z.number().optional(),
  valueDate: z.string().optional(),
  valueString: z.string().optional(),
  valueCoding: z.looseObject({ code: z.string().optional() }).optional(),
  valueQuantity: z.looseObject({ value: z.number().optional() }).optional(),
});

type FhirResponseItem = {
  linkId: string;
  answer?: z.infer<typeof FhirAnswerSchema>[];
  item?: FhirResponseItem[];
};

const FhirResponseItemSchema: z.ZodType<FhirResponseItem> = z.lazy(() =>
  z.looseObject({
    linkId: z.string({ error: 'every item needs a linkId' }),
    answer: z.array(FhirAnswerSchema).optional(),
    item: z.array(FhirResponseItemSchema).optional(),
  }),
);

const FhirResponseSchema = z.looseObject({
  resourceType: z.literal('QuestionnaireResponse', {
    error: 'expected resourceType "QuestionnaireResponse"',
  }),
  item: z.array(FhirResponseItemSchema).default([]),
});

type FhirAnswer = z.infer<typeof FhirAnswerSchema>;

function scalar(answer: FhirAnswer | undefined): unknown {
  if (!answer) return undefined;
  return (
    answer.valueBoolean ??
    answer.valueInteger ??
    answer.valueDecimal ??
    answer.valueQuantity?.value ??
    answer.valueDate ??
    answer.valueCoding?.code ??
    answer.valueString
  );
}

/**
 * The one answer of a non-repeating item, or an error naming the question
 * when there are several: keeping any one of them could turn a "yes" into a
 * "no" (for example `pregnant: [no, yes]` read as "no").
 */
function singleAnswer(
  question: Question,
  item: FhirResponseItem | undefined,
  errors: AnswerError[],
): unknown {
  const answers = item?.answer ?? [];
  if (answers.length > 1) {
    const where = item && item.linkId !== question.id ? `${item.linkId}: ` : '';
    errors.push({
      question: question.id,
      message: `${where}expected one answer (this question does not repeat), received ${answers.length}`,
    });
    return undefined;
  }
  return scalar(answers[0]);
}

/** Child items of a group by linkId, reporting a linkId given more than once. */
function childrenOf(
  question: Question,
  item: FhirResponseItem,
  errors: AnswerError[],
): Map<string, FhirResponseItem> {
  const children = new Map<string, FhirResponseItem>();
  for (const child of item.item ?? []) {
    if (children.has(child.linkId)) {
      errors.push({ question: question.id, message: `${child.linkId}: answered twice` });
      continue;
    }
    children.set(child.linkId, child);
  }
  return children;
}

function convert(question: Question, item: FhirResponseItem, errors: AnswerError[]): unknown {
  switch (question.type) {
    case 'multi':
      return item.answer?.map(scalar);
    case 'bloodPressure': {
      const nested = childrenOf(question, item, errors);
      const systolic = singleAnswer(question, nested.get(`${question.id}.systolic`), errors);
      const diastolic = singleAnswer(question, nested.get(`${question.id}.diastolic`), errors);
      if (systolic === undefined && diastolic === undefined) return undefined;
      return { systolic, diastolic };
    }
    case 'instrument': {
      const nested = childrenOf(question, item, errors);
      const count = INSTRUMENTS[question.instrument].itemCount;
      const items = Array.from({ length: count }, (_, index) => {
        const value = singleAnswer(question, nested.get(`${question.id}.item${index + 1}`), errors);
        return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
      });
      return items.every((value) => value === undefined) ? undefined : items;
    }
    default:
      return singleAnswer(question, item, errors);
  }
}

/** Deepest `item` nesting accepted; questionnaires from `toFhirQuestionnaire` nest two levels. */
const MAX_ITEM_DEPTH = 16;

/**
 * How deeply `item` arrays nest, counted without recursion so that hostile
 * input cannot overflow the stack; stops once past `MAX_ITEM_DEPTH`.
 */
function itemDepth(response: unknown): number {
  let deepest = 0;
  const pending: Array<{ node: unknown; depth: number }> = [{ node: response, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { node, depth } = next;
    if (node === null || typeof node !== 'object') continue;
    const items = (node as { item?: unknown }).item;
    if (!Array.isArray(items)) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > MAX_ITEM_DEPTH) return deepest;
    for (const child of items) pending.push({ node: child, depth: depth + 1 });
  }
  return deepest;
}

/**
 * Reads a FHIR R4 QuestionnaireResponse (for a questionnaire made by
 * `toFhirQuestionnaire`) into answers, validated against the ruleset. Never
 * throws: problems come back as errors naming the linkId or question,
 * including several answers to an item that does not repeat.
 */
export function fromFhirQuestionnaireResponse(
  response: unknown,
  ruleset: Ruleset,
): { ok: true; answers: Record<string, AnswerValue> } | { ok: false; errors: AnswerError[] } {
  const compiled = compileRuleset(ruleset);
  if (itemDepth(response) > MAX_ITEM_DEPTH) {
    return {
      ok: false,
      errors: [
        {
          question: null,
          message: `item: nested more than ${MAX_ITEM_DEPTH} levels deep; this questionnaire nests two`,
        },
      ],
    };
  }
  const parsed = FhirResponseSchema.safeParse(response);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        question: null,
        message: `${issue.path.join('.') || 'response'}: ${issue.message}`,
      })),
    };
  }
  const byId = new Map(compiled.ruleset.questions.map((question) => [question.id, question]));
  const raw: Record<string, unknown> = {};
  const errors: AnswerError[] = [];
  for (const item of parsed.data.item) {
    const question = byId.get(item.linkId);
    if (!question) {
      errors.push({
        question: item.linkId,
        message: `linkId "${item.linkId}" is not a question of ${compiled.ruleset.id}`,
      });
      continue;
    }
    if (Object.hasOwn(raw, item.linkId)) {
      errors.push({ question: item.linkId, message: 'answered twice' });
      continue;
    }
    const value = convert(question, item, errors);
    if (value !== undefined) raw[item.linkId] = value;
  }
  if (errors.length > 0) return { ok: false, errors };
  const checked = compiled.answersSchema.safeParse(raw);
  if (!checked.success) return { ok: false, errors: answerErrors(checked.error) };
  const answers: Record<string, AnswerValue> = {};
  for (const [id, value] of Object.entries(checked.data)) {
    if (value !== null && value !== undefined) answers[id] = value;
  }
  return { ok: true, answers };
}
