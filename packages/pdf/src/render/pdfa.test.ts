import { renderConsent, renderHandout } from '@groundwork/pdf';
import { describe, expect, it } from 'vitest';
import { riverside } from '../../test/fixtures.js';
import { inspectPdf } from '../../test/inspect-pdf.js';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('PDF/A-2b output', () => {
  it('identifies as PDF/A-2b with an sRGB output intent and only embedded fonts', async () => {
    const bytes = await renderHandout({
      document: 'preparing-for-your-session',
      brandKit: riverside,
      pdfa: true,
    });
    const pdf = await inspectPdf(bytes);
    expect(pdf.xmp).toContain('"pdfaid:part":"2"');
    expect(pdf.xmp).toContain('"pdfaid:conformance":"B"');
    expect(latin1(bytes)).toMatch(/\/OutputIntents \[\d+ 0 R\]/);
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
    expect(pdf.xmp ?? '').not.toContain('pdfaid');
  });
});
