import { z } from 'zod';
import type { AnswerError, AnswerValue } from './answers.js';
import { answerErrors } from './answers.js';
import { compileRuleset } from './compile.js';
import { type FhirEnableWhen, toFhirSkipLogic } from './fhir-enable-when.js';
import { INSTRUMENTS } from './instruments/index.js';
import type { Question } from './question.js';
import type { Ruleset } from './ruleset.js';
import type { Locale } from './text.js';

/** A FHIR R4 extension (only the value types this package emits). */
export interface FhirExtension {
  url: string;
  valueInteger?: number;
  valueDecimal?: number;
  valueDate?: string;
  valueCoding?: { system?: string; code: string; display?: string };
}

/** A FHIR R4 `Questionnaire.item` as produced by `toFhirQuestionnaire`. */
export interface FhirQuestionnaireItem {
  linkId: string;
  text?: string;
  type: 'group' | 'display' | 'boolean' | 'decimal' | 'integer' | 'date' | 'choice';
  required?: boolean;
  repeats?: boolean;
  enableWhen?: FhirEnableWhen[];
  enableBehavior?: 'all' | 'any';
  answerOption?: { valueCoding: { code: string; display: string } }[];
  extension?: FhirExtension[];
  item?: FhirQuestionnaireItem[];
}

/** A FHIR R4 Questionnaire resource. */
export interface FhirQuestionnaire {
  resourceType: 'Questionnaire';
  id: string;
  url: string;
  version: string;
  name: string;
  title: string;
  status: 'active';
  language: string;
  description: string;
  item: FhirQuestionnaireItem[];
}

const UCUM = 'http://unitsofmeasure.org';

function bound(kind: 'min' | 'max', value: number | string, integer: boolean): FhirExtension {
  const url = `http://hl7.org/fhir/StructureDefinition/${kind}Value`;
  if (typeof value === 'string') return { url, valueDate: value };
  return integer ? { url, valueInteger: value } : { url, valueDecimal: value };
}

function unit(code: string, display?: string): FhirExtension {
  return {
    url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit',
    valueCoding: { system: UCUM, code, ...(display ? { display } : {}) },
  };
}

function itemFor(
  question: Question,
  locale: Locale,
  lookup: (id: string) => Question | undefined,
): FhirQuestionnaireItem {
  const item: FhirQuestionnaireItem = {
    linkId: question.id,
    text: question.prompt[locale],
    type: 'group',
    required: question.required,
  };
  if (question.enableWhen) {
    const logic = toFhirSkipLogic(question.enableWhen, lookup);
    // Rulesets are validated so that skip logic is always expressible in FHIR.
    if (typeof logic !== 'string') Object.assign(item, logic);
  }
  const children: FhirQuestionnaireItem[] = [];
  switch (question.type) {
    case 'boolean':
      item.type = 'boolean';
      break;
    case 'number':
      item.type = question.integer ? 'integer' : 'decimal';
      item.extension = [
        bound('min', question.min, question.integer),
        bound('max', question.max, question.integer),
        ...(question.unit ? [unit(question.unit, question.unitLabel?.[locale])] : []),
      ];
      break;
    case 'choice':
    case 'multi':
      item.type = 'choice';
      if (question.type === 'multi') item.repeats = true;
      item.answerOption = question.options.map((option) => ({
        valueCoding: { code: option.code, display: option.label[locale] },
      }));
      break;
    case 'date':
      item.type = 'date';
      item.extension = [
        ...(question.min ? [bound('min', question.min, false)] : []),
        ...(question.max ? [bound('max', question.max, false)] : []),
      ];
      if (item.extension.length === 0) delete item.extension;
      break;
    case 'bloodPressure':
      for (const field of ['systolic', 'diastolic'] as const) {
        children.push({
          linkId: `${question.id}.${field}`,
          text:
            locale === 'en'
              ? `${field === 'systolic' ? 'Systolic' : 'Diastolic'} (mmHg)`
              : `${field === 'systolic' ? 'Sistólica' : 'Diastólica'} (mmHg)`,
          type: 'integer',
          required: question.required,
          extension: [unit('mm[Hg]', 'mmHg')],
        });
      }
      break;
    case 'instrument': {
      const definition = INSTRUMENTS[question.instrument];
      definition.itemLabels.forEach((label, index) => {
        children.push({
          linkId: `${question.id}.item${index + 1}`,
          text: `${index + 1}. ${label[locale]}`,
          type: 'choice',
          required: question.required,
          answerOption: definition.responseOptions.map((option, score) => ({
            valueCoding: { code: String(score), display: option[locale] },
          })),
        });
      });
      break;
    }
  }
  if (question.help) {
    children.unshift({
      linkId: `${question.id}.help`,
      text: question.help[locale],
      type: 'display',
    });
  }
  if (children.length > 0) item.item = children;
  return item;
}

/**
 * The ruleset's questions as a FHIR R4 Questionnaire in one locale:
 * `linkId` = question id, skip logic as `enableWhen`; blood pressure and
 * instruments become groups (`<id>.systolic`, `<id>.item1` …).
 */
export function toFhirQuestionnaire(ruleset: Ruleset, locale: Locale = 'en'): FhirQuestionnaire {
  const { ruleset: checked } = compileRuleset(ruleset);
  const byId = new Map(checked.questions.map((question) => [question.id, question]));
  const name = checked.id
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  return {
    resourceType: 'Questionnaire',
    id: checked.id,
    url: `urn:groundwork:ruleset:${checked.id}`,
    version: checked.version,
    name,
    title: checked.title[locale],
    status: 'active',
    language: locale,
    description:
      locale === 'en'
        ? 'Screening questions for decision support; a licensed clinician decides.'
        : 'Preguntas de evaluación como apoyo a la decisión; decide un profesional clínico con licencia.',
    item: checked.questions.map((question) => itemFor(question, locale, (id) => byId.get(id))),
  };
}

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

function convert(question: Question, item: FhirResponseItem): unknown {
  const nested = new Map((item.item ?? []).map((child) => [child.linkId, child]));
  switch (question.type) {
    case 'multi':
      return item.answer?.map(scalar);
    case 'bloodPressure': {
      const systolic = scalar(nested.get(`${question.id}.systolic`)?.answer?.[0]);
      const diastolic = scalar(nested.get(`${question.id}.diastolic`)?.answer?.[0]);
      if (systolic === undefined && diastolic === undefined) return undefined;
      return { systolic, diastolic };
    }
    case 'instrument': {
      const count = INSTRUMENTS[question.instrument].itemCount;
      const items = Array.from({ length: count }, (_, index) => {
        const value = scalar(nested.get(`${question.id}.item${index + 1}`)?.answer?.[0]);
        return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
      });
      return items.every((value) => value === undefined) ? undefined : items;
    }
    default:
      return scalar(item.answer?.[0]);
  }
}

/**
 * Reads a FHIR R4 QuestionnaireResponse (for a questionnaire made by
 * `toFhirQuestionnaire`) into answers, validated against the ruleset. Never
 * throws: problems come back as errors naming the linkId or question.
 */
export function fromFhirQuestionnaireResponse(
  response: unknown,
  ruleset: Ruleset,
): { ok: true; answers: Record<string, AnswerValue> } | { ok: false; errors: AnswerError[] } {
  const compiled = compileRuleset(ruleset);
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
    const value = convert(question, item);
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
