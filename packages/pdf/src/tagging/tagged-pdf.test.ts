import {
  type Block,
  type Document,
  type FlowBlock,
  getDocument,
  type Inline,
  type ListItem,
  listDocuments,
  type Locale,
  ROUTES,
  selectVariant,
} from '@groundwork/content';
import {
  fillDocument,
  parseBrandKit,
  renderChecklistReport,
  renderConsent,
  renderForm,
  renderGuide,
  renderHandout,
} from '@groundwork/pdf';
import { describe, expect, it } from 'vitest';
import { makePng, report, riverside } from '../../test/fixtures.js';
import { checkPdfUa, readStructure } from '../../test/pdf-ua-check.js';
import { findAll, type StructTextNode, structText, textOf } from '../../test/struct-text.js';

const LOCALES: Locale[] = ['en', 'es'];
const brandKit = parseBrandKit(riverside);
/** Headings the renderer adds around the content, by locale. */
const LABELS = {
  en: { references: 'References', contents: 'Contents', progress: 'Progress' },
  es: { references: 'Referencias', contents: 'Contenido', progress: 'Progreso' },
} as const;

/** Text as compared: line-break hyphens and spacing are layout, not content. */
const normalise = (text: string) => text.normalize('NFC').replace(/[\s\u00ad\u2010-]/g, '');

/** Inline content as the PDF prints it: citations as their numbers, blanks as a line. */
function inlineText(content: readonly Inline[], numbers: Map<string, number>): string {
  return content
    .map((inline) => {
      switch (inline.type) {
        case 'text':
          return inline.value;
        case 'strong':
        case 'emphasis':
        case 'link':
          return inlineText(inline.children, numbers);
        case 'citation':
          return `[${inline.referenceIds.map((id) => numbers.get(id) ?? id).join(', ')}]`;
        case 'placeholder':
          return '________________';
        default:
          return '';
      }
    })
    .join('');
}

/** The content model's own structure: headings, list items and table cells in reading order. */
function modelStructure(document: Document, kind: 'guide' | 'short', locale: Locale) {
  const numbers = new Map(document.references.map((reference, index) => [reference.id, index + 1]));
  const headings: string[] = [];
  const items: string[] = [];
  const cells: string[] = [];
  const listItems = (list: readonly ListItem[]) => {
    for (const item of list) {
      items.push(inlineText(item.content, numbers));
      if (item.list) listItems(item.list.items);
    }
  };
  const flow = (blocks: readonly FlowBlock[]) => {
    for (const block of blocks) if (block.type === 'list') listItems(block.items);
  };
  const visit = (block: Block) => {
    if (block.type === 'heading')
      headings.push(`H${block.level} ${inlineText(block.content, numbers)}`);
    if (block.type === 'list') listItems(block.items);
    if (block.type === 'callout' || block.type === 'acknowledgement') flow(block.blocks);
    if (block.type === 'definitions')
      for (const item of block.items) items.push(inlineText(item.definition, numbers));
    if (block.type === 'table') {
      for (const cell of block.header) cells.push(inlineText(cell, numbers));
      for (const row of block.rows) for (const cell of row) cells.push(inlineText(cell, numbers));
    }
  };
  headings.push(`H1 ${document.title}`);
  const intro = document.sections.filter((section) => !section.title);
  const titled = document.sections.filter((section) => section.title);
  const ordered = kind === 'guide' ? [...intro, ...titled] : document.sections;
  for (const section of ordered) {
    if (kind === 'guide' && section === titled[0]) headings.push(`H2 ${LABELS[locale].contents}`);
    if (section.title) headings.push(`H2 ${section.title}`);
    section.blocks.forEach(visit);
  }
  const referencesSection = document.sections.some((section) => section.id === 'references');
  if (document.references.length > 0 && !(kind === 'guide' && referencesSection))
    headings.push(`H2 ${LABELS[locale].references}`);
  return { headings, items, cells, referenceCount: document.references.length };
}

/** The same three lists read back from the PDF with poppler. */
function pdfStructure(tree: StructTextNode) {
  return {
    headings: findAll(tree, ['H1', 'H2', 'H3', 'H4', 'H5', 'H6']).map(
      (heading) => `${heading.role} ${textOf(heading)}`,
    ),
    items: findAll(tree, ['LI']).map((item) => {
      const body = item.children.find(
        (child): child is StructTextNode => typeof child !== 'string' && child.role === 'LBody',
      );
      return body ? textOf(body, ['L']) : '';
    }),
    cells: findAll(tree, ['TH', 'TD']).map((cell) => textOf(cell)),
    notes: findAll(tree, ['Note']),
  };
}

function expectSameStructure(tree: StructTextNode, model: ReturnType<typeof modelStructure>): void {
  const read = pdfStructure(tree);
  expect(read.headings.map(normalise)).toEqual(model.headings.map(normalise));
  expect(read.items.map(normalise)).toEqual(model.items.map(normalise));
  expect(read.cells.map(normalise)).toEqual(model.cells.map(normalise));
  expect(read.notes).toHaveLength(model.referenceCount);
}

const handoutIds = listDocuments({ locale: 'en', kind: 'handout' }).map((entry) => entry.id);
const formsIn = (locale: Locale) =>
  listDocuments({ locale, kind: 'form' }).map((entry) => entry.id);

describe('tagged PDF (PDF/UA-1)', () => {
  for (const locale of LOCALES) {
    for (const id of handoutIds) {
      it(`handout ${id} (${locale}): passes the checks and reads back as its content`, async () => {
        const bytes = await renderHandout({ document: id, brandKit: riverside, locale });
        expect(await checkPdfUa(bytes)).toEqual([]);
        const document = fillDocument({ document: getDocument(id, { locale }), brandKit }).document;
        expectSameStructure(await structText(bytes), modelStructure(document, 'short', locale));
      });
    }

    it(`consent (${locale}): fields have names, and it reads back as its content`, async () => {
      const bytes = await renderConsent({
        document: 'informed-consent',
        brandKit: riverside,
        locale,
      });
      expect(await checkPdfUa(bytes)).toEqual([]);
      const variant = selectVariant(getDocument('informed-consent', { locale }), ROUTES);
      const document = fillDocument({ document: variant, brandKit }).document;
      const tree = await structText(bytes);
      expectSameStructure(tree, modelStructure(document, 'short', locale));
      const forms = (await readStructure(bytes)).filter((node) => node.role === 'Form');
      expect(forms.length).toBeGreaterThan(3);
    });

    // Practice forms are written in English only: each locale reads back the forms it has.
    for (const id of formsIn(locale)) {
      it(`form ${id} (${locale}): passes the checks, has form fields, and reads back as its content`, async () => {
        const bytes = await renderForm({ document: id, brandKit: riverside, locale });
        expect(await checkPdfUa(bytes)).toEqual([]);
        const variant = selectVariant(getDocument(id, { locale }), ROUTES);
        const document = fillDocument({ document: variant, brandKit }).document;
        const model = modelStructure(document, 'short', locale);
        // Blank writing cells draw no text, so react-pdf writes no TD for them:
        // the read-back compares the cells that print something.
        expectSameStructure(await structText(bytes), {
          ...model,
          cells: model.cells.filter((cell) => cell.trim() !== ''),
        });
        const forms = (await readStructure(bytes)).filter((node) => node.role === 'Form');
        expect(forms.length, id).toBeGreaterThan(0);
      });
    }

    // The guide is written in English only (the library has no Spanish guide to render).
    const guideLocales = listDocuments({ locale, kind: 'guide' }).map((entry) => entry.locale);
    if (guideLocales.includes(locale))
      it(`guide (${locale}): passes the checks and reads back as its content, contents as a TOC`, async () => {
        const bytes = await renderGuide({ locale });
        expect(await checkPdfUa(bytes)).toEqual([]);
        const document = getDocument('psychedelic-basics-guide', { locale });
        const tree = await structText(bytes);
        expectSameStructure(tree, modelStructure(document, 'guide', locale));
        const entries = findAll(tree, ['TOCI']).map((entry) => normalise(textOf(entry)));
        const chapters = document.sections.filter((section) => section.title);
        expect(entries.length).toBeGreaterThanOrEqual(chapters.length);
        for (const chapter of chapters)
          expect(entries.some((entry) => entry.startsWith(normalise(chapter.title ?? '')))).toBe(
            true,
          );
      });

    it(`checklist report (${locale}): progress and a table row per item`, async () => {
      const bytes = await renderChecklistReport({ report, brandKit: riverside, locale });
      expect(await checkPdfUa(bytes)).toEqual([]);
      const tree = await structText(bytes);
      const headings = findAll(tree, ['H1', 'H2']).map((heading) => heading.role);
      expect(headings[0]).toBe('H1');
      expect(normalise(textOf(findAll(tree, ['H2'])[0] ?? tree))).toBe(
        normalise(LABELS[locale].progress),
      );
      const rows = findAll(tree, ['TR'])
        .filter((row) => findAll(row, ['TD']).length > 0)
        .map((row) => findAll(row, ['TD']).map((cell) => normalise(textOf(cell))));
      expect(rows).toHaveLength(report.items.length);
      const bySection = report.sections.flatMap((section) =>
        report.items.filter((item) => item.section === section.id),
      );
      rows.forEach((cells, index) => {
        expect(cells).toHaveLength(4);
        expect(cells[0]?.startsWith(normalise(bySection[index]?.title ?? '?'))).toBe(true);
      });
    });
  }

  it('gives the logo the practice name as alternative text', async () => {
    const bytes = await renderHandout({
      document: 'preparing-for-your-session',
      brandKit: { ...riverside, logo: makePng(120, 40) },
    });
    expect(await checkPdfUa(bytes)).toEqual([]);
    const figures = (await readStructure(bytes)).filter((node) => node.role === 'Figure');
    expect(figures.map((figure) => figure.alt)).toEqual(['Riverside Ketamine Clinic']);
  });

  it('marks the English sources of a Spanish handout as English, and nothing in an English one', async () => {
    const spans = async (locale: Locale) =>
      (
        await readStructure(
          await renderHandout({
            document: 'preparing-for-your-session',
            brandKit: riverside,
            locale,
          }),
        )
      ).filter((node) => node.lang);
    const spanish = await spans('es');
    expect(spanish.length).toBeGreaterThan(0);
    expect(spanish.every((node) => node.role === 'Span' && node.lang === 'en')).toBe(true);
    expect(spanish.every((node) => node.parent?.role === 'Note')).toBe(true);
    expect(await spans('en')).toEqual([]);
  });

  it('writes the untagged PDF of before when asked', async () => {
    const bytes = await renderHandout({
      document: 'preparing-for-your-session',
      brandKit: riverside,
      tagged: false,
    });
    expect(await readStructure(bytes)).toEqual([]);
    expect((await checkPdfUa(bytes)).map((failure) => failure.checkpoint)).toContain('01-002');
  });
});
