import {
  fromFhirQuestionnaireResponse,
  ketamineDefaultRuleset,
  screen,
  toFhirQuestionnaire,
} from '@groundwork/eligibility';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { eligibleForm, phq9Items } from '../../test/screening-fixtures';
import { toFhirQuestionnaireResponse } from './fhir-response';
import { citationsFor } from '../rules/practice-ruleset.server';
import { answersFromForm } from './screening-form';
import { buildSummaryPdf } from './screening-pdf.client';
import { screeningSummary } from './screening-summary';

const ruleset = ketamineDefaultRuleset;

function answersOf(fields: Record<string, string | string[]>) {
  return answersFromForm(ruleset, fields).answers;
}

describe('FHIR QuestionnaireResponse download', () => {
  it('reads back through the package into the same answers and the same result', () => {
    const answers = answersOf({
      ...eligibleForm(),
      'q.sexAssignedAtBirth': 'female',
      'q.pregnant': 'unsure',
      'q.breastfeeding': 'no',
      'q.interactingMedicines': ['lamotrigine', 'stimulant'],
      ...phq9Items(2),
    });
    const response = toFhirQuestionnaireResponse({
      ruleset,
      answers,
      locale: 'es',
      complete: true,
      authored: new Date('2026-11-21T10:00:00Z'),
    });
    expect(response.questionnaire).toBe('urn:groundwork:ruleset:ketamine-default|1.2.0');
    expect(response).not.toHaveProperty('subject');
    const back = fromFhirQuestionnaireResponse(response, ruleset);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.answers).toEqual(answers);
    expect(screen(back.answers, ruleset)).toEqual(screen(answers, ruleset));
  });

  it('uses the linkIds of the package Questionnaire and leaves out questions skipped by skip logic', () => {
    const answers = answersOf({ ...eligibleForm(), 'q.pregnant': 'yes' });
    const response = toFhirQuestionnaireResponse({
      ruleset,
      answers,
      locale: 'en',
      complete: true,
      authored: new Date(),
    });
    const questionnaireIds = new Set(toFhirQuestionnaire(ruleset).item.map((item) => item.linkId));
    for (const item of response.item) expect(questionnaireIds.has(item.linkId)).toBe(true);
    // sexAssignedAtBirth is "male": the pregnancy question is not shown, so not exported.
    expect(response.item.map((item) => item.linkId)).not.toContain('pregnant');
    const bp = response.item.find((item) => item.linkId === 'bloodPressureToday');
    expect(bp?.item?.map((part) => [part.linkId, part.answer?.[0]?.valueInteger])).toEqual([
      ['bloodPressureToday.systolic', 122],
      ['bloodPressureToday.diastolic', 78],
    ]);
  });
});

describe('PDF summary (made in the browser with pdf-lib)', () => {
  it('holds the decision, each finding with its citation, the version and the clinician disclaimer', async () => {
    const answers = answersOf({
      ...eligibleForm(),
      'q.bloodPressureToday.systolic': '165',
      'q.bloodPressureToday.diastolic': '100',
    });
    const result = screen(answers, ruleset);
    const summary = screeningSummary({
      result,
      ruleset,
      locale: 'en',
      citations: citationsFor(ruleset),
      revision: 0,
      practiceName: 'Riverside Mental Health',
      generatedAt: new Date('2026-11-21T10:00:00Z'),
    });
    const bytes = await buildSummaryPdf(summary);
    const pdf = await getDocumentProxy(bytes);
    const { text } = await extractText(pdf, { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Screening summary');
    expect(flat).toContain('Riverside Mental Health');
    expect(flat).toContain('ketamine-default 1.2.0');
    expect(flat).toContain('defer: not today');
    expect(flat).toMatch(/above 140\/90 mmHg/);
    expect(flat).toContain('SPRAVATO healthcare professional site');
    expect(flat).toMatch(/A licensed clinician reviews the answers and makes the decision/);
    expect(flat).toMatch(/Reviewed by \(licensed clinician\)/);
    expect(flat).not.toContain('122');
  });

  it('draws Spanish text and survives characters the standard font lacks', async () => {
    const bytes = await buildSummaryPdf({
      title: 'Resumen de la evaluación',
      lines: ['Presión ≥ 140 — señal ✓ 日本', `- ${'x'.repeat(400)}`],
    });
    const pdf = await getDocumentProxy(bytes);
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text).toContain('Resumen de la evaluación');
    expect(text).toContain('Presión >= 140 — señal ? ??');
    expect(text.replace(/\s+/g, '')).toContain('x'.repeat(400));
  });
});
