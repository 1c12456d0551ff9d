import {
  type AnswerValue,
  INSTRUMENTS,
  type Locale,
  type Question,
  type Ruleset,
  questionsFor,
} from '@groundwork/eligibility';

/** A FHIR R4 QuestionnaireResponse answer (the value types the screening form produces). */
export interface FhirResponseAnswer {
  valueBoolean?: boolean;
  valueInteger?: number;
  valueDecimal?: number;
  valueDate?: string;
  valueCoding?: { code: string; display?: string };
}

/** A FHIR R4 QuestionnaireResponse item. */
export interface FhirResponseItem {
  linkId: string;
  text?: string;
  answer?: FhirResponseAnswer[];
  item?: FhirResponseItem[];
}

/** A FHIR R4 QuestionnaireResponse without a subject: the file carries no patient identity. */
export interface FhirQuestionnaireResponse {
  resourceType: 'QuestionnaireResponse';
  questionnaire: string;
  status: 'completed' | 'in-progress';
  authored: string;
  language: Locale;
  item: FhirResponseItem[];
}

function coded(question: Question, code: string, locale: Locale): FhirResponseAnswer {
  const option =
    question.type === 'choice' || question.type === 'multi'
      ? question.options.find((candidate) => candidate.code === code)
      : undefined;
  return { valueCoding: { code, ...(option ? { display: option.label[locale] } : {}) } };
}

function itemFor(question: Question, value: AnswerValue, locale: Locale): FhirResponseItem {
  const item: FhirResponseItem = { linkId: question.id, text: question.prompt[locale] };
  switch (question.type) {
    case 'boolean':
      item.answer = [{ valueBoolean: value as boolean }];
      break;
    case 'number':
      item.answer = [
        question.integer ? { valueInteger: value as number } : { valueDecimal: value as number },
      ];
      break;
    case 'choice':
      item.answer = [coded(question, value as string, locale)];
      break;
    case 'multi':
      item.answer = (value as string[]).map((code) => coded(question, code, locale));
      break;
    case 'date':
      item.answer = [{ valueDate: value as string }];
      break;
    case 'bloodPressure': {
      const reading = value as { systolic: number; diastolic: number };
      item.item = (['systolic', 'diastolic'] as const).map((field) => ({
        linkId: `${question.id}.${field}`,
        answer: [{ valueInteger: reading[field] }],
      }));
      break;
    }
    case 'instrument': {
      const definition = INSTRUMENTS[question.instrument];
      item.item = (value as number[]).map((score, index) => ({
        linkId: `${question.id}.item${index + 1}`,
        text: `${index + 1}. ${definition.itemLabels[index]?.[locale] ?? ''}`,
        answer: [
          {
            valueCoding: {
              code: String(score),
              display: definition.responseOptions[score]?.[locale] ?? String(score),
            },
          },
        ],
      }));
      break;
    }
  }
  return item;
}

/**
 * The answers as a FHIR R4 QuestionnaireResponse for the Questionnaire that
 * `toFhirQuestionnaire(ruleset)` describes: only questions shown under the
 * skip logic and answered, linkIds as in the Questionnaire. Runs in the
 * browser; there is no subject, so the file names no patient.
 */
export function toFhirQuestionnaireResponse(input: {
  ruleset: Ruleset;
  answers: Record<string, AnswerValue>;
  locale: Locale;
  complete: boolean;
  authored: Date;
}): FhirQuestionnaireResponse {
  const { ruleset, answers, locale } = input;
  const shown = questionsFor(ruleset, answers);
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: `urn:groundwork:ruleset:${ruleset.id}|${ruleset.version}`,
    status: input.complete ? 'completed' : 'in-progress',
    authored: input.authored.toISOString(),
    language: locale,
    item: shown.flatMap((question) => {
      const value = answers[question.id];
      return value === undefined ? [] : [itemFor(question, value, locale)];
    }),
  };
}
