import { renderConsent, renderHandout } from '@groundwork/pdf';
import { describe, expect, it } from 'vitest';
import { riverside } from '../../test/fixtures.js';
import { inspectPdf } from '../../test/inspect-pdf.js';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('PDF/A-2 output', () => {
  it('identifies as PDF/A-2b with an sRGB output intent and only embedded fonts when untagged', async () => {
    const bytes = await renderHandout({
      document: 'preparing-for-your-session',
      brandKit: riverside,
      pdfa: true,
      tagged: false,
    });
    const pdf = await inspectPdf(bytes);
    expect(pdf.xmp).toContain('"pdfaid:part":"2"');
    expect(pdf.xmp).toContain('"pdfaid:conformance":"B"');
    expect(pdf.xmp).not.toContain('pdfuaid');
    expect(latin1(bytes)).toMatch(/\/OutputIntents \[\d+ 0 R\]/);
    expect(latin1(bytes)).toContain('/S /GTS_PDFA1');
    expect(pdf.pages.flatMap((page) => page.fonts).every((font) => font.embedded)).toBe(true);
  });

  it('identifies a tagged render as PDF/A-2a and PDF/UA-1, declaring the PDF/UA schema for PDF/A', async () => {
    const bytes = await renderHandout({
      document: 'preparing-for-your-session',
      brandKit: riverside,
      pdfa: true,
    });
    const pdf = await inspectPdf(bytes);
    expect(pdf.xmp).toContain('"pdfaid:part":"2"');
    expect(pdf.xmp).toContain('"pdfaid:conformance":"A"');
    expect(pdf.xmp).toContain('"pdfuaid:part":"1"');
    expect(latin1(bytes)).toContain('<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>');
    expect(latin1(bytes)).toContain('/S /GTS_PDFA1');
    expect(pdf.pages.flatMap((page) => page.fonts).every((font) => font.embedded)).toBe(true);
  });

  it('leaves out form fields, which pdfkit writes without appearance streams', async () => {
    const pdf = await inspectPdf(
      await renderConsent({ document: 'informed-consent', brandKit: riverside, pdfa: true }),
    );
    expect(pdf.fieldNames).toEqual([]);
    expect(pdf.xmp).toContain('"pdfaid:part":"2"');
  });

  it('writes no PDF/A claim when not asked', async () => {
    const pdf = await inspectPdf(
      await renderHandout({ document: 'preparing-for-your-session', brandKit: riverside }),
    );
    expect(pdf.xmp ?? '').not.toContain('pdfaid:');
  });
});
