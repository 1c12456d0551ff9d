import {
  fromFhirQuestionnaireResponse,
  ketamineDefaultRuleset,
  screen,
  toFhirQuestionnaire,
} from '@groundwork/eligibility';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { eligibleForm, phq9Items } from '../../test/screening-fixtures';
import { toFhirQuestionnaireResponse } from './fhir-response';
import { citationsFor } from '../rules/practice-ruleset.server';
import { answersFromForm } from './screening-form';
import { buildSummaryPdf } from './screening-pdf.client';
import { screeningSummary } from './screening-summary';

const ruleset = ketamineDefaultRuleset;

/** Runs a poppler tool (pdftotext, pdfimages) on the PDF and returns what it prints. */
async function poppler(tool: 'pdftotext' | 'pdfimages', args: string[], bytes: Uint8Array) {
  const folder = await mkdtemp(join(tmpdir(), 'screening-pdf-'));
  try {
    const file = join(folder, 'summary.pdf');
    await writeFile(file, bytes);
    const { stdout } = await promisify(execFile)(tool, [
      ...args,
      file,
      ...(tool === 'pdftotext' ? ['-'] : []),
    ]);
    return stdout;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

const riverside = {
  practiceName: 'Riverside Mental Health',
  primaryColour: '#1F4E79',
  contact: ['12 River Road, Portland, OR 97201', '(503) 555-0142', 'https://riverside.example.org'],
};

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
      brand: riverside,
      generatedAt: new Date('2026-11-21T10:00:00Z'),
    });
    const bytes = await buildSummaryPdf(summary);
    const pdf = await getDocumentProxy(bytes);
    const { text } = await extractText(pdf, { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Screening summary');
    expect(flat).toContain('Riverside Mental Health');
    expect(flat).toContain('Ruleset: ketamine-default 1.2.0 (default rules, not customised)');
    expect(flat).toContain('defer: not today');
    expect(flat).toMatch(/above 140\/90 mmHg/);
    expect(flat).toContain('SPRAVATO healthcare professional site');
    expect(flat).toMatch(/A licensed clinician reviews the answers and makes the decision/);
    expect(flat).toMatch(/Reviewed by \(licensed clinician\)/);
    expect(flat).not.toContain('122');
  });

  it('carries the practice brand (name, contact, logo) and says its ruleset once, on every page count', async () => {
    const logo = new Uint8Array(
      await sharp({
        create: { width: 300, height: 100, channels: 3, background: { r: 31, g: 78, b: 121 } },
      })
        .png()
        .toBuffer(),
    );
    // Many findings and a Spanish summary: long enough to run over pages.
    const answers = answersOf({
      ...eligibleForm(),
      'q.bloodPressureToday.systolic': '185',
      'q.bloodPressureToday.diastolic': '115',
      'q.hypertension': 'yes',
      'q.hypertensionControlled': 'no',
      'q.heartDisease': 'yes',
      'q.seizureDisorder': 'yes',
      'q.glaucoma': 'yes',
      'q.bipolarDisorder': 'yes',
      'q.bipolarRecentMania': 'yes',
      'q.interactingMedicines': ['maoi', 'lamotrigine', 'stimulant', 'opioid'],
      ...phq9Items(2),
    });
    for (const locale of ['en', 'es'] as const) {
      const summary = screeningSummary({
        result: screen(answers, ruleset),
        ruleset,
        locale,
        citations: citationsFor(ruleset),
        revision: 3,
        brand: { ...riverside, logo: { bytes: logo, mimeType: 'image/png' } },
        generatedAt: new Date('2026-11-21T10:00:00Z'),
      });
      const bytes = await buildSummaryPdf(summary);
      const text = await poppler('pdftotext', ['-layout'], bytes);
      const pages = text.split('\f').filter((page) => page.trim() !== '');
      expect(pages.length, locale).toBeGreaterThan(1);
      // The letterhead on every page: name and contact details.
      for (const page of pages) {
        expect(page).toContain('Riverside Mental Health');
        expect(page).toContain('(503) 555-0142');
      }
      // The ruleset and its version, exactly once in the whole document.
      expect(text.match(/ketamine-default 1\.2\.0/g), locale).toHaveLength(1);
      expect(text).toMatch(
        locale === 'en'
          ? /Ruleset: ketamine-default 1\.2\.0 \(practice rules version 3\)/
          : /Conjunto de reglas: ketamine-default 1\.2\.0 \(versión 3 de las reglas de la práctica\)/,
      );
      // The logo is embedded as an image, drawn on each page (one image object).
      const images = (await poppler('pdfimages', ['-list'], bytes))
        .split('\n')
        .slice(2)
        .filter((line) => line.trim() !== '')
        .map((line) => line.trim().split(/\s+/));
      expect(images.length, locale).toBe(pages.length);
      expect(images.every((columns) => columns[2] === 'image' && columns[3] === '300')).toBe(true);
    }
  });

  it('makes the summary without a logo, or with a logo pdf-lib cannot read', async () => {
    for (const logo of [undefined, { bytes: new Uint8Array([1, 2, 3]), mimeType: 'image/png' }]) {
      const bytes = await buildSummaryPdf({
        title: 'Screening summary',
        lines: ['Ruleset: ketamine-default 1.2.0'],
        brand: { ...riverside, logo },
      });
      expect(await poppler('pdftotext', [], bytes)).toContain('Riverside Mental Health');
      expect(
        (await poppler('pdfimages', ['-list'], bytes)).split('\n').slice(2).join('').trim(),
      ).toBe('');
    }
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
