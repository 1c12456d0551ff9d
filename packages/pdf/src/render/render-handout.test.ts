import { deflateSync } from 'node:zlib';
import { listDocuments } from '@groundwork/content';
import {
  BrandKitError,
  type BrandKitInput,
  renderHandout,
  type RenderWarning,
} from '@groundwork/pdf';
import { encode as encodePng } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { BAD_FILTER_PNG, makePng, riverside } from '../../test/fixtures.js';
import { inspectPdf, squash } from '../../test/inspect-pdf.js';

const handouts = listDocuments({ kind: 'handout' });

describe('renderHandout', () => {
  it.each(
    handouts.map((document) => [`${document.id} (${document.locale})`, document] as const),
  )('renders %s with the practice details and clinical statement', async (_, document) => {
    const pdf = await inspectPdf(await renderHandout({ document, brandKit: riverside }));
    const text = squash(pdf.text);
    expect(pdf.pageCount).toBeGreaterThanOrEqual(1);
    expect(pdf.info.Title).toBe(document.title);
    expect(pdf.info.Author).toBe('Riverside Ketamine Clinic');
    expect(pdf.info.Language).toBe(document.locale);
    expect(text).toContain('Riverside Ketamine Clinic');
    expect(text).toContain('(555) 010-2000');
    expect(text).toContain(squash(document.title));
    expect(text).toContain(document.version);
    expect(text).toContain(document.reviewedAt);
    expect(text).toContain(squash(document.reviewer));
    expect(text).toContain(squash(document.disclaimer));
    expect(text).not.toContain('{{');
  });

  it('keeps Spanish diacritics and punctuation in the extracted text', async () => {
    const pdf = await inspectPdf(
      await renderHandout({
        document: 'preparing-for-your-session',
        brandKit: riverside,
        locale: 'es',
      }),
    );
    expect(pdf.text).toMatch(/[áéíóúñ]/);
    expect(pdf.text).toContain('Página 1 de');
    expect(pdf.text).not.toContain('\uFFFD');
  });

  it('prints Letter or A4 as asked', async () => {
    const letter = await inspectPdf(
      await renderHandout({ document: 'preparing-for-your-session', brandKit: riverside }),
    );
    const a4 = await inspectPdf(
      await renderHandout({
        document: 'preparing-for-your-session',
        brandKit: riverside,
        paper: 'A4',
      }),
    );
    expect(letter.pages.map((page) => [page.width, page.height])).toContainEqual([612, 792]);
    expect(a4.pages[0]?.width).toBeCloseTo(595.28, 1);
    expect(a4.pages[0]?.height).toBeCloseTo(841.89, 1);
  });

  it('draws the logo and embeds the chosen typeface', async () => {
    const kit: BrandKitInput = {
      ...riverside,
      logo: makePng(120, 40),
      typeface: 'atkinson-hyperlegible',
    };
    const pdf = await inspectPdf(
      await renderHandout({ document: 'side-effects-and-when-to-call-us', brandKit: kit }),
    );
    expect(pdf.pages[0]?.images).toBe(1);
    expect([...pdf.fonts].some((name) => name.includes('AtkinsonHyperlegible'))).toBe(true);
    expect(pdf.pages.flatMap((page) => page.fonts).every((font) => font.embedded)).toBe(true);
  });

  it('fills the urgent phone number from the brand kit, or prints a blank and warns', async () => {
    const withPhone = squash(
      (
        await inspectPdf(
          await renderHandout({
            document: 'side-effects-and-when-to-call-us',
            brandKit: riverside,
          }),
        )
      ).text,
    );
    expect(withPhone).toContain('(555) 010-2999');
    let warnings: RenderWarning[] = [];
    const kit = { ...riverside, practice: { name: 'Riverside Ketamine Clinic' } };
    const without = squash(
      (
        await inspectPdf(
          await renderHandout({
            document: 'side-effects-and-when-to-call-us',
            brandKit: kit,
            onWarnings: (found) => {
              warnings = found;
            },
          }),
        )
      ).text,
    );
    expect(without).toContain('________________');
    expect(warnings.map((warning) => warning.field)).toContain('practice.emergencyPhone');
  });

  it('darkens a light brand colour for text and says so', async () => {
    let warnings: RenderWarning[] = [];
    await renderHandout({
      document: 'preparing-for-your-session',
      brandKit: { ...riverside, colours: { primary: '#FFCC00', accent: '#2E7D6B' } },
      onWarnings: (found) => {
        warnings = found;
      },
    });
    expect(warnings).toContainEqual(
      expect.objectContaining({ kind: 'brand-kit', field: 'colours.primary' }),
    );
  });

  it('rejects an unknown id, a wrong kind and a bad brand kit with clear errors', async () => {
    await expect(
      renderHandout({ document: 'no-such-handout', brandKit: riverside }),
    ).rejects.toThrow(/Unknown handout "no-such-handout"/);
    await expect(
      renderHandout({ document: 'informed-consent', brandKit: riverside }),
    ).rejects.toThrow(/is a consent, not a handout/);
    await expect(
      renderHandout({
        document: 'preparing-for-your-session',
        brandKit: { practice: { name: '' } },
      }),
    ).rejects.toThrow(/practice\.name/);
    await expect(
      renderHandout({
        document: 'preparing-for-your-session',
        brandKit: riverside,
        // @ts-expect-error testing a paper size the types do not allow
        paper: 'legal',
      }),
    ).rejects.toThrow(/LETTER, A4/);
  });
});

describe('logo decoding', () => {
  it('embeds a 16-bit interlaced RGBA logo (re-encoded as plain 8-bit RGBA)', async () => {
    const data = new Uint16Array(120 * 40 * 4).map((_, index) => (index * 977) % 65536);
    const logo = encodePng(
      { width: 120, height: 40, data, channels: 4, depth: 16 },
      { interlace: 'Adam7' },
    );
    const pdf = await inspectPdf(
      await renderHandout({
        document: 'preparing-for-your-session',
        brandKit: { ...riverside, logo },
      }),
    );
    expect(pdf.pages[0]?.images).toBe(1);
  });

  it('rejects the PNG with valid checksums and a bad row filter as a BrandKitError naming logo', async () => {
    const rendering = renderHandout({
      document: 'preparing-for-your-session',
      brandKit: { ...riverside, logo: BAD_FILTER_PNG },
    });
    await expect(rendering).rejects.toBeInstanceOf(BrandKitError);
    await expect(rendering).rejects.toThrow(/^Invalid brand kit:\nlogo: .*filter type 7/);
  });

  it('rejects a PNG whose image data is corrupt, before layout', async () => {
    const garbage = makePng(40, 20, { imageData: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]) });
    await expect(
      renderHandout({
        document: 'preparing-for-your-session',
        brandKit: { ...riverside, logo: garbage },
      }),
    ).rejects.toThrow(/logo: The PNG logo is corrupt: its image data cannot be decompressed/);
  });

  it('rejects a PNG whose image data is shorter than its header promises', async () => {
    const short = makePng(40, 20, { imageData: new Uint8Array(deflateSync(new Uint8Array(100))) });
    await expect(
      renderHandout({
        document: 'preparing-for-your-session',
        brandKit: { ...riverside, logo: short },
      }),
    ).rejects.toThrow(
      /logo: The PNG logo is truncated: its image data holds 100 bytes where 40x20 pixels need 2420/,
    );
  });
});
