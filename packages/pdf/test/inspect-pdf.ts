// Reads a PDF with pdf.js (the legacy build runs on Node 20) and returns what
// tests assert on: pages, sizes, text and its positions, outline, links,
// metadata, fonts, images and form fields.
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One text run on a page with its box in PDF points (origin bottom-left). */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One page of an inspected PDF. */
export interface InspectedPage {
  number: number;
  width: number;
  height: number;
  text: string;
  runs: TextRun[];
  fonts: { name: string; embedded: boolean }[];
  images: number;
  /** Glyphs drawn as .notdef (glyph 0 of an embedded subset: the NO GLYPH box). */
  notdefGlyphs: number;
  /** Internal links: the page number each one jumps to. */
  links: { targetPage: number | null; url?: string }[];
}

/** Everything a test may check about a PDF. */
export interface InspectedPdf {
  pageCount: number;
  pages: InspectedPage[];
  text: string;
  info: Record<string, unknown>;
  xmp: string | null;
  outline: { title: string; page: number | null }[];
  fieldNames: string[];
  fonts: Set<string>;
}

type Destination = string | unknown[] | null;

async function destinationPage(
  pdf: pdfjs.PDFDocumentProxy,
  dest: Destination,
): Promise<number | null> {
  const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
  const ref = explicit?.[0];
  if (!ref || typeof ref !== 'object') return null;
  return (await pdf.getPageIndex(ref as { num: number; gen: number })) + 1;
}

/** Parses PDF bytes and collects pages, text, outline, links, fonts, images and fields. */
export async function inspectPdf(bytes: Uint8Array): Promise<InspectedPdf> {
  const pdf = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
  }).promise;
  const pages: InspectedPage[] = [];
  const allFonts = new Set<string>();
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
    const content = await page.getTextContent();
    const runs: TextRun[] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      runs.push({
        text: item.str,
        x: item.transform[4] ?? 0,
        y: item.transform[5] ?? 0,
        width: item.width,
        height: item.height,
      });
    }
    const operators = await page.getOperatorList();
    const fontIds = new Set<string>();
    let images = 0;
    let notdefGlyphs = 0;
    operators.fnArray.forEach((fn, index) => {
      if (fn === pdfjs.OPS.setFont) fontIds.add(String(operators.argsArray[index]?.[0]));
      if (fn === pdfjs.OPS.paintImageXObject) images++;
      if (fn === pdfjs.OPS.showText) {
        // pdfkit writes glyph ids (Identity-H), so character code 0 is .notdef.
        const glyphs = (operators.argsArray[index]?.[0] ?? []) as unknown[];
        for (const glyph of glyphs) {
          if (glyph && typeof glyph === 'object' && 'originalCharCode' in glyph) {
            if (glyph.originalCharCode === 0) notdefGlyphs++;
          }
        }
      }
    });
    const fonts = [...fontIds].map((id) => {
      const font = page.commonObjs.get(id) as { name: string; missingFile: boolean };
      allFonts.add(font.name);
      return { name: font.name, embedded: !font.missingFile };
    });
    const annotations = (await page.getAnnotations()) as {
      subtype: string;
      dest?: Destination;
      url?: string;
    }[];
    const links = [];
    for (const annotation of annotations) {
      if (annotation.subtype !== 'Link') continue;
      links.push(
        annotation.url
          ? { targetPage: null, url: annotation.url }
          : { targetPage: await destinationPage(pdf, annotation.dest ?? null) },
      );
    }
    pages.push({
      number,
      width: x1 - x0,
      height: y1 - y0,
      text: runs.map((run) => run.text).join(' '),
      runs,
      fonts,
      images,
      notdefGlyphs,
      links,
    });
  }
  const metadata = await pdf.getMetadata();
  const outline = [];
  for (const entry of (await pdf.getOutline()) ?? []) {
    outline.push({
      title: entry.title,
      page: await destinationPage(pdf, entry.dest as Destination),
    });
  }
  const fields = await pdf.getFieldObjects();
  const xmp = metadata.metadata ? JSON.stringify(metadata.metadata.getAll()) : null;
  const result: InspectedPdf = {
    pageCount: pdf.numPages,
    pages,
    text: pages.map((page) => page.text).join('\n'),
    info: metadata.info as Record<string, unknown>,
    xmp,
    outline,
    fieldNames: Object.keys(fields ?? {}),
    fonts: allFonts,
  };
  await pdf.destroy();
  return result;
}

/** Collapses whitespace so phrases can be found across line breaks and text runs. */
export function squash(text: string): string {
  return text
    .replace(/\u00AD/g, '')
    .replace(/-\s+/g, '')
    .replace(/\s+/g, ' ');
}
