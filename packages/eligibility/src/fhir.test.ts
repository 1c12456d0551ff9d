import {
  type AnswerValue,
  fromFhirQuestionnaireResponse,
  ketamineDefaultRuleset,
  type Question,
  screen,
  toFhirQuestionnaire,
} from '@groundwork/eligibility';
import type {
  Questionnaire,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
} from '@medplum/fhirtypes';
import { Fhir } from 'fhir';
import { describe, expect, it } from 'vitest';
import { basePatient, patientWith } from '../test/fixtures.js';

const validator = new Fhir();
const ruleset = ketamineDefaultRuleset;

/** Validates against the FHIR R4 core definitions; info-level notes (value sets the validator does not ship) are dropped. */
function validate(resource: object) {
  const result = validator.validate(resource, { errorOnUnexpected: true });
  return {
    valid: result.valid,
    messages: result.messages.filter((message) => message.severity !== 'info'),
  };
}

/** A FHIR QuestionnaireResponse for answers, built the way a FHIR form would. */
function responseFor(answers: Record<string, AnswerValue>): QuestionnaireResponse {
  const item: QuestionnaireResponseItem[] = [];
  for (const question of ruleset.questions as Question[]) {
    const value = answers[question.id];
    if (value === undefined) continue;
    const linkId = question.id;
    if (question.type === 'bloodPressure') {
      const reading = value as { systolic: number; diastolic: number };
      item.push({
        linkId,
        item: [
          { linkId: `${linkId}.systolic`, answer: [{ valueInteger: reading.systolic }] },
          { linkId: `${linkId}.diastolic`, answer: [{ valueInteger: reading.diastolic }] },
        ],
      });
    } else if (question.type === 'instrument') {
      item.push({
        linkId,
        item: (value as number[]).map((score, index) => ({
          linkId: `${linkId}.item${index + 1}`,
          answer: [{ valueCoding: { code: String(score) } }],
        })),
      });
    } else if (question.type === 'multi') {
      item.push({ linkId, answer: (value as string[]).map((code) => ({ valueCoding: { code } })) });
    } else if (question.type === 'choice') {
      item.push({ linkId, answer: [{ valueCoding: { code: value as string } }] });
    } else if (question.type === 'number') {
      item.push({ linkId, answer: [{ valueInteger: value as number }] });
    } else if (question.type === 'boolean') {
      item.push({ linkId, answer: [{ valueBoolean: value as boolean }] });
    } else {
      item.push({ linkId, answer: [{ valueDate: value as string }] });
    }
  }
  return {
    resourceType: 'QuestionnaireResponse',
    status: 'completed',
    questionnaire: 'urn:groundwork:ruleset:ketamine-default',
    item,
  };
}

describe('toFhirQuestionnaire', () => {
  it.each(['en', 'es'] as const)('produces a valid FHIR R4 Questionnaire (%s)', (locale) => {
    // Compile-time check against published R4 types (@medplum/fhirtypes).
    const questionnaire: Questionnaire = toFhirQuestionnaire(ruleset, locale);
    const result = validate(questionnaire);
    expect(result.messages).toEqual([]);
    expect(result.valid).toBe(true);
    expect(questionnaire.language).toBe(locale);
  });

  it('uses question ids as linkIds, in order, with skip logic as enableWhen', () => {
    const questionnaire = toFhirQuestionnaire(ruleset, 'en');
    expect(questionnaire.item.map((item) => item.linkId)).toEqual(
      ruleset.questions.map((question) => question.id),
    );
    const pregnant = questionnaire.item.find((item) => item.linkId === 'pregnant');
    expect(pregnant).toMatchObject({
      required: true,
      enableBehavior: 'any',
      enableWhen: [
        { question: 'sexAssignedAtBirth', operator: '=', answerCoding: { code: 'female' } },
        { question: 'sexAssignedAtBirth', operator: '=', answerCoding: { code: 'intersex' } },
        {
          question: 'sexAssignedAtBirth',
          operator: '=',
          answerCoding: { code: 'prefer-not-to-say' },
        },
      ],
    });
    const followUp = questionnaire.item.find((item) => item.linkId === 'bipolarRecentMania');
    expect(followUp?.enableWhen).toEqual([
      { question: 'bipolarDisorder', operator: '=', answerBoolean: true },
    ]);
  });

  it.each(['fr', '', 'EN'])('refuses locale %j rather than emit items without text', (locale) => {
    expect(() => toFhirQuestionnaire(ruleset, locale as never)).toThrow(TypeError);
    expect(() => toFhirQuestionnaire(ruleset, locale as never)).toThrow(
      `locale must be one of en, es; received ${JSON.stringify(locale)}`,
    );
  });

  it('maps types: multi repeats, numbers carry bounds and units, instruments become groups', () => {
    const questionnaire = toFhirQuestionnaire(ruleset, 'es');
    const byId = new Map(questionnaire.item.map((item) => [item.linkId, item]));
    expect(byId.get('interactingMedicines')).toMatchObject({ type: 'choice', repeats: true });
    expect(byId.get('age')?.type).toBe('integer');
    expect(byId.get('age')?.extension).toContainEqual({
      url: 'http://hl7.org/fhir/StructureDefinition/maxValue',
      valueInteger: 120,
    });
    const phq9 = byId.get('phq9');
    expect(phq9?.type).toBe('group');
    expect(phq9?.item?.map((item) => item.linkId)).toEqual([
      'phq9.help',
      ...Array.from({ length: 9 }, (_, index) => `phq9.item${index + 1}`),
    ]);
    expect(phq9?.item?.[0]).toMatchObject({
      type: 'display',
      text: expect.stringMatching(/PHQ-9/),
    });
    expect(phq9?.item?.[1]?.answerOption?.[3]).toEqual({
      valueCoding: { code: '3', display: 'Casi todos los días' },
    });
    expect(byId.get('bloodPressureToday')?.item?.map((item) => item.linkId)).toEqual([
      'bloodPressureToday.help',
      'bloodPressureToday.systolic',
      'bloodPressureToday.diastolic',
    ]);
  });
});

describe('fromFhirQuestionnaireResponse', () => {
  it('round-trips a valid response into the same answers and decision', () => {
    const answers = patientWith({
      interactingMedicines: ['maoi', 'opioid'],
      bipolarDisorder: true,
      bipolarRecentMania: false,
    });
    const response = responseFor(answers);
    expect(validate(response).messages).toEqual([]);
    const parsed = fromFhirQuestionnaireResponse(response, ruleset);
    expect(parsed).toEqual({ ok: true, answers });
    if (parsed.ok) expect(screen(parsed.answers, ruleset)).toEqual(screen(answers, ruleset));
  });

  it('the validator catches a broken resource (so the checks above can fail)', () => {
    const broken = { ...toFhirQuestionnaire(ruleset, 'en'), status: 'live', bogus: 1 };
    const result = validate(broken);
    expect(result.valid).toBe(false);
    expect(result.messages.map((message) => message.location)).toEqual(
      expect.arrayContaining(['Questionnaire.status', 'Questionnaire.bogus']),
    );
  });

  it.each([
    17, 5_000,
  ])('returns an error, never a stack overflow, for items nested %i deep', (depth) => {
    let item: QuestionnaireResponseItem = { linkId: 'age', answer: [{ valueInteger: 40 }] };
    for (let level = 1; level < depth; level++) item = { linkId: 'phq9', item: [item] };
    const response = { resourceType: 'QuestionnaireResponse', status: 'completed', item: [item] };
    expect(fromFhirQuestionnaireResponse(response, ruleset)).toEqual({
      ok: false,
      errors: [
        {
          question: null,
          message: 'item: nested more than 16 levels deep; this questionnaire nests two',
        },
      ],
    });
  });

  it('still reads items nested within the limit', () => {
    let item: QuestionnaireResponseItem = { linkId: 'unused', answer: [{ valueInteger: 1 }] };
    for (let level = 1; level < 15; level++) item = { linkId: 'phq9', item: [item] };
    const response = { resourceType: 'QuestionnaireResponse', status: 'completed', item: [item] };
    expect(fromFhirQuestionnaireResponse(response, ruleset).ok).toBe(true);
  });

  it('names unknown linkIds', () => {
    const response = responseFor(basePatient);
    response.item?.push({ linkId: 'favouriteColour', answer: [{ valueString: 'blue' }] });
    expect(fromFhirQuestionnaireResponse(response, ruleset)).toEqual({
      ok: false,
      errors: [
        {
          question: 'favouriteColour',
          message: 'linkId "favouriteColour" is not a question of ketamine-default',
        },
      ],
    });
  });

  it('names answers of the wrong type or range', () => {
    const response = responseFor(basePatient);
    const age = response.item?.find((item) => item.linkId === 'age');
    if (age) age.answer = [{ valueString: 'thirty' }];
    const phq9 = response.item?.find((item) => item.linkId === 'phq9');
    phq9?.item?.pop();
    const result = fromFhirQuestionnaireResponse(response, ruleset);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual([
        { question: 'age', message: 'expected a whole number from 0 to 120 years' },
        {
          question: 'phq9',
          message: 'PHQ-9 item 9: expected a whole number from 0 to 3, received undefined',
        },
      ]);
    }
  });

  it.each([
    {
      linkId: 'pregnant',
      answer: [{ valueCoding: { code: 'no' } }, { valueCoding: { code: 'yes' } }],
    },
    {
      linkId: 'pregnant',
      answer: [{ valueCoding: { code: 'no' } }, { valueCoding: { code: 'no' } }],
    },
    { linkId: 'psychoticDisorder', answer: [{ valueBoolean: false }, { valueBoolean: true }] },
    { linkId: 'age', answer: [{ valueInteger: 40 }, { valueInteger: 16 }, { valueInteger: 30 }] },
  ])('refuses several answers to the non-repeating item $linkId, naming it', (changed) => {
    const response = responseFor(basePatient);
    const item = response.item?.find((candidate) => candidate.linkId === changed.linkId);
    if (!item) throw new Error(`no item ${changed.linkId}`);
    item.answer = changed.answer;
    expect(fromFhirQuestionnaireResponse(response, ruleset)).toEqual({
      ok: false,
      errors: [
        {
          question: changed.linkId,
          message: `expected one answer (this question does not repeat), received ${changed.answer.length}`,
        },
      ],
    });
  });

  it('refuses several answers inside a group, naming the question and the item', () => {
    const response = responseFor(basePatient);
    const bloodPressure = response.item?.find((item) => item.linkId === 'bloodPressureToday');
    const systolic = bloodPressure?.item?.find(
      (item) => item.linkId === 'bloodPressureToday.systolic',
    );
    if (systolic) systolic.answer = [{ valueInteger: 124 }, { valueInteger: 190 }];
    const phq9 = response.item?.find((item) => item.linkId === 'phq9');
    phq9?.item?.push({ linkId: 'phq9.item9', answer: [{ valueCoding: { code: '3' } }] });
    expect(fromFhirQuestionnaireResponse(response, ruleset)).toEqual({
      ok: false,
      errors: [
        {
          question: 'bloodPressureToday',
          message:
            'bloodPressureToday.systolic: expected one answer (this question does not repeat), received 2',
        },
        { question: 'phq9', message: 'phq9.item9: answered twice' },
      ],
    });
  });

  it('still accepts several answers to a repeating (multi) item', () => {
    const answers = patientWith({ interactingMedicines: ['lamotrigine', 'opioid', 'stimulant'] });
    expect(fromFhirQuestionnaireResponse(responseFor(answers), ruleset)).toEqual({
      ok: true,
      answers,
    });
  });

  it.each([
    null,
    'x',
    { resourceType: 'Patient' },
    { resourceType: 'QuestionnaireResponse', item: 5 },
  ])('rejects a non-response (%j) without throwing', (input) => {
    const result = fromFhirQuestionnaireResponse(input, ruleset);
    expect(result.ok).toBe(false);
  });
});
