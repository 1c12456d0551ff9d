import { describe, expect, it } from 'vitest';
import { accessibilityXmp } from './xmp.js';

const info = {
  Title: 'Side effects & <when> to call',
  Author: 'Smith & Jones "Clinic"',
  Subject: 'A & B',
  Keywords: 'a, b',
  Creator: 'Groundwork',
  Producer: 'Groundwork',
  CreationDate: new Date('2026-12-02T10:00:00Z'),
};

describe('accessibilityXmp', () => {
  it('escapes every value a practice or a document supplies', () => {
    const xmp = accessibilityXmp({ info, lang: 'es', pdfa: false });
    expect(xmp).toContain('Side effects &amp; &lt;when&gt; to call');
    expect(xmp).toContain('Smith &amp; Jones &quot;Clinic&quot;');
    expect(xmp).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
    expect(xmp).toContain('<xmp:CreateDate>2026-12-02T10:00:00Z</xmp:CreateDate>');
  });

  it('identifies PDF/UA-1 and the language, and declares the PDF/UA schema only for PDF/A', () => {
    const plain = accessibilityXmp({ info, lang: 'es', pdfa: false });
    expect(plain).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(plain).toContain('<dc:language><rdf:Bag><rdf:li>es</rdf:li></rdf:Bag></dc:language>');
    expect(plain).not.toContain('pdfaExtension');
    expect(accessibilityXmp({ info, lang: 'es', pdfa: true })).toContain(
      '<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>',
    );
  });
});
