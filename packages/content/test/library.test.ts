import {
  CompiledLibrarySchema,
  DocumentSchema,
  getChecklistTemplate,
  getDocument,
  listDocuments,
  PLACEHOLDERS,
  references,
} from '@groundwork/content';
import { describe, expect, it } from 'vitest';
import { blockIds, leafInlines } from './walk.js';

const PATIENT_HANDOUTS = [
  'is-ketamine-therapy-right-for-me',
  'preparing-for-your-session',
  'what-happens-during-a-session',
  'after-your-session-and-integration',
  'side-effects-and-when-to-call-us',
];

// Practice forms are English only: a form kind may ship in fewer locales than patient documents.
const PRACTICE_FORMS = [
  'session-monitoring-flow-sheet',
  'discharge-checklist',
  'adverse-event-log',
  'spravato-rems-monitoring-helper',
];

const EXPECTED: Array<{ id: string; kind: string; audience: string; locales: string[] }> = [
  { id: 'psychedelic-basics-guide', kind: 'guide', audience: 'practitioner', locales: ['en'] },
  ...PATIENT_HANDOUTS.map((id) => ({
    id,
    kind: 'handout',
    audience: 'patient',
    locales: ['en', 'es'],
  })),
  { id: 'informed-consent', kind: 'consent', audience: 'patient', locales: ['en', 'es'] },
  ...PRACTICE_FORMS.map((id) => ({ id, kind: 'form', audience: 'practitioner', locales: ['en'] })),
];

const documents = listDocuments();

describe('the authored library', () => {
  it.each(EXPECTED)('has $id ($kind for $audience) in $locales', ({
    id,
    kind,
    audience,
    locales,
  }) => {
    for (const locale of locales) {
      const document = getDocument(id, { locale: locale as 'en' | 'es' });
      expect(document.kind).toBe(kind);
      expect(document.audience).toBe(audience);
      expect(document.locale).toBe(locale);
    }
  });

  it('has the onboarding checklist with at least 40 items', () => {
    const template = getChecklistTemplate();
    expect(template.id).toBe('onboarding-checklist');
    expect(template.sections.flatMap((section) => section.items).length).toBeGreaterThanOrEqual(40);
  });

  it('validates as a whole against the model', () => {
    const result = CompiledLibrarySchema.safeParse({
      schemaVersion: '1.1.0',
      references,
      documents,
      checklist: getChecklistTemplate(),
    });
    expect(result.error?.issues ?? []).toEqual([]);
  });

  describe.each(
    documents.map((document) => [`${document.id} (${document.locale})`, document] as const),
  )('%s', (_name, document) => {
    it('validates against DocumentSchema', () => {
      expect(DocumentSchema.safeParse(document).error?.issues ?? []).toEqual([]);
    });

    it('carries a version, a review date, a reviewer and a disclaimer that a clinician decides', () => {
      expect(document.version).toMatch(/^\d+\.\d+\.\d+/);
      expect(document.reviewedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(document.reviewer.length).toBeGreaterThan(0);
      expect(document.disclaimer).toMatch(
        document.locale === 'es' ? /profesional clínico con licencia/ : /licensed clinician/,
      );
    });

    it('cites only registered references, and lists each one it cites', () => {
      const registry = new Set(references.map((reference) => reference.id));
      const cited = leafInlines(document).flatMap((inline) =>
        inline.type === 'citation' ? inline.referenceIds : [],
      );
      for (const id of cited) expect(registry, `unknown citation ${id}`).toContain(id);
      expect(document.references.map((reference) => reference.id).sort()).toEqual(
        [...new Set(cited)].sort(),
      );
    });

    it('uses only known placeholders', () => {
      for (const inline of leafInlines(document)) {
        if (inline.type === 'placeholder') expect(PLACEHOLDERS).toContain(inline.name);
        if (inline.type === 'text') expect(inline.value).not.toMatch(/\{\{|\}\}|\[@/);
      }
    });

    it('has unique section and block ids', () => {
      const sectionIds = document.sections.map((section) => section.id);
      expect(new Set(sectionIds).size).toBe(sectionIds.length);
      const ids = blockIds(document);
      expect(new Set(ids).size).toBe(ids.length);
    });
  });

  const spanish = documents.filter((document) => document.locale === 'es');

  it('has Spanish patient documents to compare', () => {
    expect(spanish.length).toBeGreaterThanOrEqual(PATIENT_HANDOUTS.length + 1);
  });

  it.each(
    spanish.map((document) => [document.id, document] as const),
  )('%s in Spanish has the same sections, routes and block ids as in English', (id, document) => {
    const english = getDocument(id, { locale: 'en' });
    const shape = (doc: typeof document) =>
      doc.sections.map((section) => ({ id: section.id, routes: section.routes }));
    expect(shape(document)).toEqual(shape(english));
    expect(blockIds(document)).toEqual(blockIds(english));
    const types = (doc: typeof document) =>
      doc.sections.flatMap((section) => section.blocks.map((block) => block.type));
    expect(types(document)).toEqual(types(english));
    expect(document.version).toBe(english.version);
  });

  it('has every checklist reference in the registry', () => {
    const registry = new Set(references.map((reference) => reference.id));
    for (const item of getChecklistTemplate().sections.flatMap((section) => section.items)) {
      for (const id of item.references) expect(registry, `${item.id} cites ${id}`).toContain(id);
    }
  });
});
