import { renderConsent, renderHandout } from '@groundwork/pdf';
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFName, type PDFObject, PDFRef } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { paintsOutsideMarkedContent } from './content-stream.js';
import { makePng, riverside } from './fixtures.js';
import { checkPdfUa } from './pdf-ua-check.js';

/** Every structure element dictionary of a PDF. */
function elements(pdf: PDFDocument): PDFDict[] {
  const found: PDFDict[] = [];
  const visit = (value: PDFObject | undefined) => {
    const resolved = value instanceof PDFRef ? pdf.context.lookup(value) : value;
    if (resolved instanceof PDFArray) return resolved.asArray().forEach(visit);
    if (!(resolved instanceof PDFDict) || !resolved.has(PDFName.of('S'))) return;
    found.push(resolved);
    visit(resolved.get(PDFName.of('K')));
  };
  const root = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  visit(root.get(PDFName.of('K')));
  return found;
}

/** Loads `bytes`, changes them and saves them again. */
async function altered(bytes: Uint8Array, change: (pdf: PDFDocument) => void): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  change(pdf);
  return pdf.save({ useObjectStreams: false, updateFieldAppearances: false });
}

const checkpoints = async (bytes: Uint8Array) =>
  (await checkPdfUa(bytes)).map((failure) => failure.checkpoint);

describe('the PDF/UA-1 checker', () => {
  let handout: Uint8Array;
  beforeAll(async () => {
    handout = await renderHandout({
      document: 'preparing-for-your-session',
      brandKit: { ...riverside, logo: makePng(60, 20) },
    });
  });

  it('passes the tagged handout as written, and after a load and save', async () => {
    expect(await checkPdfUa(handout)).toEqual([]);
    expect(await checkPdfUa(await altered(handout, () => {}))).toEqual([]);
  });

  it('fails a figure without alternative text (13-004)', async () => {
    const bytes = await altered(handout, (pdf) => {
      for (const element of elements(pdf))
        if (element.get(PDFName.of('S')) === PDFName.of('Figure'))
          element.delete(PDFName.of('Alt'));
    });
    expect(await checkpoints(bytes)).toEqual(['13-004']);
  });

  it('fails a skipped heading level (14-003) and a first heading that is not H1 (14-002)', async () => {
    const relabel = (from: string, to: string) => (pdf: PDFDocument) => {
      for (const element of elements(pdf))
        if (element.get(PDFName.of('S')) === PDFName.of(from))
          element.set(PDFName.of('S'), PDFName.of(to));
    };
    expect(await checkpoints(await altered(handout, relabel('H2', 'H3')))).toContain('14-003');
    expect(await checkpoints(await altered(handout, relabel('H1', 'H2')))).toContain('14-002');
  });

  it('fails a hidden document title (07-002), a missing language (11-001) and tab order (28-008)', async () => {
    const bytes = await altered(handout, (pdf) => {
      pdf.catalog
        .lookup(PDFName.of('ViewerPreferences'), PDFDict)
        .set(PDFName.of('DisplayDocTitle'), PDFBool.False);
      pdf.catalog.delete(PDFName.of('Lang'));
      for (const page of pdf.getPages()) page.node.delete(PDFName.of('Tabs'));
    });
    expect(await checkpoints(bytes)).toEqual(['07-002', '11-001', '28-008', '28-008', '28-008']);
  });

  it('fails form fields without an accessible name (28-005)', async () => {
    const consent = await renderConsent({ document: 'informed-consent', brandKit: riverside });
    expect(await checkPdfUa(consent)).toEqual([]);
    const bytes = await altered(consent, (pdf) => {
      for (const field of pdf.getForm().getFields()) field.acroField.dict.delete(PDFName.of('TU'));
    });
    expect(new Set(await checkpoints(bytes))).toEqual(new Set(['28-005']));
  });

  it('fails an untagged PDF: no structure, untagged content, links outside Link elements', async () => {
    const untagged = await renderHandout({
      document: 'preparing-for-your-session',
      brandKit: riverside,
      tagged: false,
    });
    expect(await checkpoints(untagged)).toEqual(
      expect.arrayContaining([
        '06-001',
        '01-001',
        '01-002',
        '01-005',
        '28-008',
        '28-011',
        '28-012',
      ]),
    );
  });
});

describe('content stream marking', () => {
  it('accepts painting inside tagged content or an artifact', () => {
    expect(
      paintsOutsideMarkedContent(
        '/P <</MCID 0>> BDC BT /F1 12 Tf (EMC \\) Tj) Tj ET EMC /Artifact <</Type /Pagination>> BDC 0 0 m 5 5 l S EMC',
      ),
    ).toEqual([]);
  });

  it('finds text and paths outside any marked content (01-005)', () => {
    expect(paintsOutsideMarkedContent('BT [<0012> 40 <0013>] TJ ET 0 0 10 10 re f')).toEqual([
      { checkpoint: '01-005', message: '2 painting operators neither tagged nor artifact' },
    ]);
  });

  it('finds artifacts and tagged content nested in each other (01-003, 01-004)', () => {
    expect(
      paintsOutsideMarkedContent('/P <</MCID 0>> BDC /Artifact BMC 0 0 m 1 1 l S EMC EMC').map(
        (problem) => problem.checkpoint,
      ),
    ).toEqual(['01-003']);
    expect(
      paintsOutsideMarkedContent('/Artifact BMC /Span <</MCID 3>> BDC (x) Tj EMC EMC').map(
        (problem) => problem.checkpoint,
      ),
    ).toEqual(['01-004']);
  });
});
