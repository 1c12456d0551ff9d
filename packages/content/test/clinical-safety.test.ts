import {
  type Document,
  getChecklistTemplate,
  getDocument,
  listDocuments,
} from '@groundwork/content';
import { describe, expect, it } from 'vitest';
import {
  documentUnits,
  fortyMinuteChecksOutsideEsketamine,
  libraryUnits,
  listsRisks,
  mentionsRespiratoryDepression,
} from './clinical-safety.js';

const patientDocuments = listDocuments({ audience: 'patient' });

function fakeDocument(text: string, routes?: ['intranasal-esketamine']): Document {
  return {
    ...getDocument('side-effects-and-when-to-call-us', { locale: 'en' }),
    sections: [
      {
        id: 'fake',
        title: 'Fake',
        ...(routes ? { routes } : {}),
        blocks: [{ type: 'paragraph', id: 'fake.1', content: [{ type: 'text', value: text }] }],
      },
    ],
  };
}

describe('respiratory depression wherever risks are listed', () => {
  it('has patient documents that list risks in both locales', () => {
    const listing = patientDocuments.filter(listsRisks);
    expect(listing.filter((document) => document.locale === 'en').length).toBeGreaterThanOrEqual(5);
    expect(listing.filter((document) => document.locale === 'es').length).toBeGreaterThanOrEqual(5);
  });

  it.each(
    patientDocuments
      .filter(listsRisks)
      .map((document) => [`${document.id} (${document.locale})`, document] as const),
  )('%s mentions slowed breathing (respiratory depression)', (_name, document) => {
    expect(mentionsRespiratoryDepression(document)).toBe(true);
  });

  it('catches a document that lists risks but leaves out respiratory depression', () => {
    const document = fakeDocument('The risks include dizziness and nausea.');
    expect(listsRisks(document)).toBe(true);
    expect(mentionsRespiratoryDepression(document)).toBe(false);
  });

  it('names respiratory depression in the guide, the REMS purpose and the checklist airway items', () => {
    const guide = getDocument('psychedelic-basics-guide', { locale: 'en' });
    const units = documentUnits(guide).map((unit) => unit.text);
    expect(units.some((text) => /respiratory depression/i.test(text))).toBe(true);
    expect(
      units.some(
        (text) =>
          /REMS/.test(text) &&
          /sedation/.test(text) &&
          /dissociation/.test(text) &&
          /respiratory depression/.test(text),
      ),
    ).toBe(true);
    const checklistText = JSON.stringify(getChecklistTemplate());
    for (const equipment of [/suction/i, /bag-valve mask/i, /oxygen/i, /airway/i, /trained/i]) {
      expect(checklistText).toMatch(equipment);
    }
  });
});

describe('the 40-minute blood pressure check', () => {
  it('appears only in esketamine-specific text, in every document and the checklist', () => {
    expect(fortyMinuteChecksOutsideEsketamine(libraryUnits())).toEqual([]);
  });

  it('is still given for esketamine where esketamine is discussed', () => {
    const found = libraryUnits().filter(
      (unit) => /40 (?:minutes|minutos)/.test(unit.text) && /esketamin/i.test(unit.text),
    );
    expect(found.length).toBeGreaterThan(5);
  });

  it('flags a shared monitoring sentence and accepts the same sentence for esketamine', () => {
    const shared = fakeDocument('We check your blood pressure about 40 minutes after the dose.');
    const esketamineSection = fakeDocument(
      'We check your blood pressure about 40 minutes after the dose.',
      ['intranasal-esketamine'],
    );
    const named = fakeDocument(
      'For esketamine, we check your blood pressure about 40 minutes after the dose.',
    );
    const infusion = fakeDocument('The medicine drips in over about 40 minutes.');
    expect(fortyMinuteChecksOutsideEsketamine(documentUnits(shared))).toHaveLength(1);
    expect(fortyMinuteChecksOutsideEsketamine(documentUnits(esketamineSection))).toEqual([]);
    expect(fortyMinuteChecksOutsideEsketamine(documentUnits(named))).toEqual([]);
    expect(fortyMinuteChecksOutsideEsketamine(documentUnits(infusion))).toEqual([]);
  });
});

describe('home dosing and the FDA alerts', () => {
  it('cites the FDA compounded-ketamine alerts wherever at-home doses are discussed', () => {
    const homeDosing = listDocuments().flatMap((document) =>
      document.sections
        .filter((section) =>
          section.blocks.some((block) => {
            const text = JSON.stringify(block);
            return /\b(?:at|en) (?:home|casa)\b/i.test(text) && /\bdos(?:e|es|is)\b/i.test(text);
          }),
        )
        .map((section) => ({
          where: `${document.id} (${document.locale}) {#${section.id}}`,
          section,
        })),
    );
    expect(homeDosing.length).toBeGreaterThanOrEqual(8);
    const missing = homeDosing
      .filter(({ section }) => !JSON.stringify(section).includes('fda-compounded-ketamine'))
      .map(({ where }) => where);
    expect(missing).toEqual([]);
  });

  it('cites them in the checklist items for at-home doses', () => {
    const atHome = getChecklistTemplate()
      .sections.flatMap((section) => section.items)
      .filter((item) => item.id === 'at-home-safety-plan' || item.id === 'at-home-supply-policy');
    expect(atHome).toHaveLength(2);
    for (const item of atHome)
      expect(item.references).toContain('fda-compounded-ketamine-oral-2023');
  });
});
