import { getDocument } from '@groundwork/content';
import { renderGuide, type RenderWarning } from '@groundwork/pdf';
import { contentsEntries } from '../components/guide-document.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { makePng, riverside } from '../../test/fixtures.js';
import { type InspectedPdf, inspectPdf, squash } from '../../test/inspect-pdf.js';

const guide = getDocument('psychedelic-basics-guide', { locale: 'en' });
const titled = guide.sections.filter((section) => section.title);
const entries = contentsEntries(guide);

describe('renderGuide', () => {
  let pdf: InspectedPdf;
  let contents: { id: string; title: string; level: 2 | 3; page: number }[] = [];
  let warnings: RenderWarning[] = [];

  beforeAll(async () => {
    const bytes = await renderGuide({
      onContents: (found) => {
        contents = found;
      },
      onWarnings: (found) => {
        warnings = found;
      },
    });
    pdf = await inspectPdf(bytes);
  });

  it('prints on Letter paper with many pages', () => {
    expect(pdf.pageCount).toBeGreaterThan(15);
    for (const page of pdf.pages) expect([page.width, page.height]).toEqual([612, 792]);
  });

  it('numbers every page "Page X of Y" in the footer', () => {
    for (const page of pdf.pages)
      expect(page.text).toContain(`Page ${page.number} of ${pdf.pageCount}`);
  });

  it('lists every chapter and heading in the contents with the page where it really is', () => {
    expect(contents.map((entry) => entry.id)).toEqual(entries.map((entry) => entry.id));
    expect(entries.filter((entry) => entry.level === 3).length).toBeGreaterThan(20);
    const contentsPages = pdf.pages.filter(
      (page) =>
        (page.links.some((link) => link.targetPage !== null) && page.text.includes('Contents')) ||
        page.number <= 4,
    );
    const contentsText = squash(contentsPages.map((page) => page.text).join(' '));
    for (const { title, page, level } of contents) {
      expect(contentsText).toContain(`${squash(title)} ${page}`);
      const size = level === 2 ? 15 : 12;
      const onPage = pdf.pages[page - 1]?.runs.some(
        (run) => squash(run.text).trim() === squash(title).trim() && run.height >= size,
      );
      expect(onPage, `"${title}" should be a heading on page ${page}`).toBe(true);
    }
  });

  it('starts every chapter on a new page', () => {
    const chapters = contents.filter((entry) => entry.level === 2);
    for (const chapter of chapters) {
      const firstHeading = pdf.pages[chapter.page - 1]?.runs.find((run) => run.height >= 15);
      expect(squash(firstHeading?.text ?? '').trim()).toBe(squash(chapter.title).trim());
    }
  });

  it('links each contents line to the page it names', () => {
    const contentsLinks = pdf.pages
      .slice(1, 5)
      .flatMap((page) => page.links)
      .filter((link) => link.targetPage !== null)
      .map((link) => link.targetPage);
    expect(contentsLinks.slice(0, contents.length)).toEqual(contents.map((entry) => entry.page));
  });

  it('bookmarks the contents and every chapter in the PDF outline', () => {
    const chapters = contents.filter((entry) => entry.level === 2);
    expect(pdf.outline[0]?.title).toBe('Contents');
    expect(pdf.outline.slice(1).map((entry) => entry.title)).toEqual(
      titled.map((section) => section.title),
    );
    expect(pdf.outline.slice(1).map((entry) => entry.page)).toEqual(
      chapters.map((entry) => entry.page),
    );
  });

  it('writes title, author, subject and language metadata', () => {
    expect(pdf.info).toMatchObject({
      Title: 'Psychedelic Basics',
      Author: 'Groundwork',
      Subject: guide.summary,
      Language: 'en',
    });
  });

  it('embeds its fonts (Source Serif 4 by default) and no unembedded ones', () => {
    const fonts = pdf.pages.flatMap((page) => page.fonts);
    expect(fonts.every((font) => font.embedded)).toBe(true);
    expect([...pdf.fonts].some((name) => name.includes('SourceSerif4'))).toBe(true);
  });

  it('shows version, review date, reviewer and disclaimer, and prints every reference', () => {
    const text = squash(pdf.text);
    expect(text).toContain(`Version ${guide.version}`);
    expect(text).toContain(`Last clinically reviewed: ${guide.reviewedAt}`);
    expect(text).toContain(`Reviewer: ${guide.reviewer}`);
    expect(text).toContain(squash(guide.disclaimer));
    for (const reference of guide.references)
      expect(text).toContain(squash(reference.citation).slice(0, 40));
  });

  it('reports no missing glyphs for the authored text', () => {
    expect(warnings.filter((warning) => warning.kind === 'missing-glyphs')).toEqual([]);
  });

  it('renders on A4 on request', async () => {
    const a4 = await inspectPdf(await renderGuide({ paper: 'a4' }));
    expect(a4.pages[0]?.width).toBeCloseTo(595.28, 1);
    expect(a4.pages[0]?.height).toBeCloseTo(841.89, 1);
    expect(squash(a4.pages[1]?.text ?? '')).toContain('Contents');
  });

  it('shows a co-branding practice its logo and name on the title page (and no logo for Groundwork)', async () => {
    expect(pdf.pages[0]?.images).toBe(0);
    const cobranded = await inspectPdf(
      await renderGuide({ brandKit: { ...riverside, logo: makePng(400, 100) } }),
    );
    const titlePage = cobranded.pages[0];
    expect(titlePage?.images).toBe(1);
    // Letter-spaced, so pdf.js may split it into single letters.
    expect(titlePage?.text.replace(/\s/g, '')).toContain('RIVERSIDEKETAMINECLINIC');
  });
});
