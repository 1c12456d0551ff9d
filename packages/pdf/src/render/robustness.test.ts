import {
  BrandKitError,
  type BrandKitInput,
  PAPER_SIZES,
  type PaperSize,
  paperDimensions,
  renderHandout,
  type RenderWarning,
} from '@groundwork/pdf';
import { getDocument } from '@groundwork/content';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { riverside } from '../../test/fixtures.js';
import { type InspectedPdf, inspectPdf, squash } from '../../test/inspect-pdf.js';

const HANDOUT = 'preparing-for-your-session';

function expectInsidePages(pdf: InspectedPdf) {
  for (const page of pdf.pages) {
    for (const run of page.runs) {
      if (run.text.trim() === '') continue;
      expect(
        run.x,
        `"${run.text.slice(0, 30)}" starts left of page ${page.number}`,
      ).toBeGreaterThanOrEqual(0);
      expect(
        run.x + run.width,
        `"${run.text.slice(0, 30)}" runs off page ${page.number}`,
      ).toBeLessThanOrEqual(page.width + 0.5);
      expect(run.y).toBeGreaterThanOrEqual(0);
      expect(run.y).toBeLessThanOrEqual(page.height);
    }
  }
}

async function render(kit: BrandKitInput, options: { paper?: PaperSize } = {}) {
  let warnings: RenderWarning[] = [];
  const bytes = await renderHandout({
    document: HANDOUT,
    brandKit: kit,
    ...options,
    onWarnings: (found) => {
      warnings = found;
    },
  });
  return { pdf: await inspectPdf(bytes), warnings };
}

describe('text robustness', () => {
  it('renders Arabic and Hebrew names with the bundled Noto fonts', async () => {
    const { pdf, warnings } = await render({
      ...riverside,
      practice: { ...riverside.practice, name: 'عيادة النهر', address: 'רחוב הנהר 12, תל אביב' },
    });
    const text = pdf.text.normalize('NFKC');
    // Letters survive extraction (word order is checked in the next test).
    for (const letter of ['ع', 'ي', 'ا', 'د', 'ة', 'ن', 'ه', 'ر']) expect(text).toContain(letter);
    for (const letter of ['ר', 'ח', 'ו', 'ב', 'ה', 'נ']) expect(text).toContain(letter);
    expect([...pdf.fonts].some((name) => name.includes('NotoSansArabic'))).toBe(true);
    expect([...pdf.fonts].some((name) => name.includes('NotoSansHebrew'))).toBe(true);
    expect(warnings.filter((warning) => warning.kind === 'missing-glyphs')).toEqual([]);
  });

  it('keeps a name mixing Hebrew and Arabic on its own line, in right-to-left word order', async () => {
    const baselines = async (name: string) => {
      const { pdf } = await render({ ...riverside, practice: { ...riverside.practice, name } });
      const runs = pdf.pages[0]?.runs ?? [];
      const phone = runs.find((run) => run.text.includes('Phone'));
      const nameRuns = runs.filter((run) => run.y > (phone?.y ?? 0) && run.text.trim() !== '');
      if (!phone || nameRuns.length === 0) throw new Error(`letterhead of "${name}" not found`);
      return { phone, nameRuns };
    };
    const latin = await baselines('Riverside Clinic');
    const mixed = await baselines('מרפאת הנהר · عيادة النهر');
    // The contact line stays where it is, and the name's baseline moves by
    // under a point: Noto Sans Arabic's tall line metrics no longer push the
    // name down onto the contact line.
    expect(Math.abs(mixed.phone.y - latin.phone.y)).toBeLessThan(0.5);
    const latinBaseline = latin.nameRuns[0]?.y ?? 0;
    for (const run of mixed.nameRuns) {
      expect(Math.abs(run.y - latinBaseline), `"${run.text}" baseline`).toBeLessThan(1);
    }
    // Right-to-left: the first Hebrew word (מרפאת) is drawn right of the last Arabic one.
    const hebrewFirst = mixed.nameRuns.find((run) => /[\u05d0-\u05ea]/.test(run.text));
    const arabic = mixed.nameRuns.find((run) => /[\u0600-\u06ff]/.test(run.text));
    expect(hebrewFirst && arabic && hebrewFirst.x > arabic.x).toBe(true);
  });

  it('draws emoji with the bundled Noto Emoji font', async () => {
    const { pdf, warnings } = await render({
      ...riverside,
      footerNote: 'We are here for you 🌿 😀',
    });
    expect([...pdf.fonts].some((name) => name.includes('NotoEmoji'))).toBe(true);
    expect(warnings.filter((warning) => warning.kind === 'missing-glyphs')).toEqual([]);
  });

  it('draws adjacent emoji and ZWJ sequences with no NO GLYPH boxes, and says what it simplified', async () => {
    const name = '🌿👩‍⚕️🌿🌿 Clinic';
    const warnings: RenderWarning[] = [];
    const bytes = await renderHandout({
      document: HANDOUT,
      brandKit: { ...riverside, practice: { ...riverside.practice, name } },
      onWarnings: (found) => warnings.push(...found),
    });
    const pdf = await inspectPdf(bytes);
    for (const page of pdf.pages) expect(page.notdefGlyphs, `page ${page.number}`).toBe(0);
    // pdftotext reads every emoji back (the separator adds nothing visible).
    const file = join(mkdtempSync(join(tmpdir(), 'emoji-')), 'emoji.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-l', '1', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('🌿👩🌿🌿 Clinic');
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/NotoEmoji-Regular/);
    expect(warnings.filter((warning) => warning.kind === 'emoji-fallback')).toEqual([
      {
        kind: 'emoji-fallback',
        emoji: [{ sequence: '👩\u200D⚕', drawn: '👩' }],
        message:
          '1 emoji sequence(s) cannot be drawn whole by the bundled emoji font and were drawn as their first emoji: 👩\u200D⚕ (U+1F469 U+200D U+2695) as 👩',
      },
    ]);
    expect(warnings.filter((warning) => warning.kind === 'missing-glyphs')).toEqual([]);
  });

  it('refuses a practice name in a script no bundled font prints (CJK), naming the field and the supported scripts', async () => {
    const rendering = renderHandout({
      document: HANDOUT,
      brandKit: { ...riverside, practice: { ...riverside.practice, name: 'Clinic 漢字 ok' } },
    });
    await expect(rendering).rejects.toBeInstanceOf(BrandKitError);
    await expect(rendering).rejects.toThrow(
      'practice.name: uses Chinese (Han) (such as "漢"), which the bundled fonts cannot print; supported scripts are Latin, Greek, Cyrillic, Arabic and Hebrew, plus digits, punctuation and emoji.',
    );
  });

  it('reports characters no bundled font covers in document text instead of drawing boxes', async () => {
    const handout = getDocument(HANDOUT, { locale: 'en' });
    const [first, ...rest] = handout.sections;
    if (!first) throw new Error('the handout has no sections');
    const paragraph = {
      type: 'paragraph' as const,
      id: `${first.id}.90`,
      content: [{ type: 'text' as const, value: 'Clinic 漢字 ok' }],
    };
    const document = {
      ...handout,
      sections: [{ ...first, blocks: [paragraph, ...first.blocks] }, ...rest],
    };
    const warnings: RenderWarning[] = [];
    const pdf = await inspectPdf(
      await renderHandout({
        document,
        brandKit: riverside,
        onWarnings: (found) => warnings.push(...found),
      }),
    );
    const missing = warnings.find((warning) => warning.kind === 'missing-glyphs');
    expect(missing?.codePoints).toEqual(['U+5B57', 'U+6F22']);
    expect(squash(pdf.text)).toContain('Clinic ?? ok');
  });

  it('replaces a letter a bundled font maps but cannot shape, instead of failing the render', async () => {
    // Noto Sans Arabic maps U+08A4, but its positioning table makes fontkit throw while shaping it.
    const { pdf, warnings } = await render({
      ...riverside,
      practice: { ...riverside.practice, name: 'Clinic \u08A4 ok', address: '\u08A4' },
    });
    const missing = warnings.find((warning) => warning.kind === 'missing-glyphs');
    expect(missing?.codePoints).toEqual(['U+08A4']);
    expect(squash(pdf.text)).toContain('Clinic ? ok');
  });

  it('drops combining marks with no letter to attach to, so a name of only marks is rejected by name', async () => {
    await expect(
      renderHandout({
        document: HANDOUT,
        brandKit: { ...riverside, practice: { ...riverside.practice, name: '\u2D7F\u0000' } },
      }),
    ).rejects.toThrow(/practice\.name: must contain at least one visible character/);
  });

  it('removes bidi overrides so text is not reversed', async () => {
    const { pdf } = await render({
      ...riverside,
      practice: { ...riverside.practice, name: 'Good \u202Eevil\u202C Clinic' },
    });
    expect(pdf.text).toContain('Good evil Clinic');
  });

  it('breaks a 5,000-letter word and a long URL so nothing runs off the page', async () => {
    const handout = getDocument(HANDOUT, { locale: 'en' });
    const [first, ...rest] = handout.sections;
    if (!first) throw new Error('the handout has no sections');
    const word = 'a'.repeat(5000);
    const document = {
      ...handout,
      sections: [
        {
          ...first,
          blocks: [
            {
              type: 'paragraph' as const,
              id: `${first.id}.90`,
              content: [{ type: 'text' as const, value: `Start ${word} end.` }],
            },
            {
              type: 'paragraph' as const,
              id: `${first.id}.91`,
              content: [
                { type: 'text' as const, value: `https://example.org/${'path/'.repeat(60)}` },
              ],
            },
            ...first.blocks,
          ],
        },
        ...rest,
      ],
    };
    const pdf = await inspectPdf(await renderHandout({ document, brandKit: riverside }));
    expectInsidePages(pdf);
    // Every letter is still there, spread over lines and pages.
    expect(squash(pdf.text).replace(/[^a]/g, '').length).toBeGreaterThanOrEqual(5000);
  });

  it('always produces a PDF, with text inside the page box, for arbitrary Unicode in every brand-kit text field', async () => {
    const field = (max: number) => fc.string({ unit: 'binary', maxLength: max });
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          name: fc.string({ unit: 'binary', minLength: 1, maxLength: 120 }),
          address: field(300),
          phone: field(40),
          emergencyPhone: field(40),
          footerNote: field(300),
          paper: fc.constantFrom(...PAPER_SIZES),
        }),
        async ({ paper, footerNote, ...practice }) => {
          const kit: BrandKitInput = {
            ...riverside,
            practice: { ...riverside.practice, ...practice },
            footerNote,
          };
          // Rejected only with a message naming the field: a name of only
          // invisible characters, or text in a script no bundled font prints.
          let bytes: Uint8Array;
          try {
            bytes = await renderHandout({ document: HANDOUT, brandKit: kit, paper });
          } catch (error) {
            expect(error).toBeInstanceOf(BrandKitError);
            for (const issue of (error as BrandKitError).issues) {
              expect(issue.message).toMatch(
                /^must contain at least one visible character$|^uses .* which the bundled fonts cannot print/,
              );
            }
            return;
          }
          const pdf = await inspectPdf(bytes);
          expect(pdf.pageCount).toBeGreaterThanOrEqual(1);
          expect(pdf.pages[0]?.width).toBeCloseTo(paperDimensions(paper).width, 1);
          expectInsidePages(pdf);
        },
      ),
      { numRuns: 25 },
    );
  }, 300_000);
});
