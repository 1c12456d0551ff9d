import { compileRuleset } from './compile.js';
import { type FhirEnableWhen, toFhirSkipLogic } from './fhir-enable-when.js';
import { INSTRUMENTS } from './instruments/index.js';
import type { Question } from './question.js';
import type { Ruleset } from './ruleset.js';
import { LOCALES, type Locale } from './text.js';

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
 * instruments become groups (`<id>.systolic`, `<id>.item1` …). Instrument
 * item texts are the package's short summaries, not the official wording:
 * a form shown to patients should use the official PHQ-9, GAD-7 or PCL-5
 * text (the answer codes `0`… stay the same). Throws a `TypeError` for a
 * locale other than `en` or `es`, rather than emit items without text.
 */
export function toFhirQuestionnaire(ruleset: Ruleset, locale: Locale = 'en'): FhirQuestionnaire {
  if (!(LOCALES as readonly unknown[]).includes(locale)) {
    throw new TypeError(
      `toFhirQuestionnaire: locale must be one of ${LOCALES.join(', ')}; received ${JSON.stringify(locale)}`,
    );
  }
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
