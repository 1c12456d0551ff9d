import { PDFDocument, type PDFFont, type PDFPage, StandardFonts, rgb } from 'pdf-lib';
import type { SummaryBrand } from './screening-summary';

/**
 * Makes the screening summary PDF in the browser (pdf-lib, standard
 * Helvetica) under the practice's letterhead: the answers never leave the
 * page. Browser-only module (`.client.ts`), loaded with `import()` when the
 * clinician asks for it.
 */

const PAGE = { width: 612, height: 792 }; // US Letter, points
const MARGIN = 54;
const SIZE = 10.5;
const LEADING = 14;

const REPLACEMENTS: Record<string, string> = {
  '≥': '>=',
  '≤': '<=',
  '→': '->',
  '×': 'x',
  '\u00a0': ' ',
};

/** Text the standard font can draw: known substitutes, else `?` (never a crash). */
function drawable(text: string, font: PDFFont): string {
  const supported = new Set(font.getCharacterSet());
  let out = '';
  for (const character of text) {
    const replacement = REPLACEMENTS[character];
    if (replacement !== undefined) out += replacement;
    else out += supported.has(character.codePointAt(0) ?? 0) ? character : '?';
  }
  return out;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    // A single word wider than the line is cut, never run off the page.
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut -= 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

const LOGO_BOX = { width: 150, height: 40 };

function colourOf(hex: string) {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return rgb(0.12, 0.31, 0.47);
  const [red, green, blue] = match.slice(1).map((part) => Number.parseInt(part, 16) / 255);
  return rgb(red ?? 0, green ?? 0, blue ?? 0);
}

async function embedLogo(document: PDFDocument, logo: SummaryBrand['logo']) {
  if (!logo) return undefined;
  try {
    const image =
      logo.mimeType === 'image/jpeg'
        ? await document.embedJpg(logo.bytes)
        : await document.embedPng(logo.bytes);
    const scale = Math.min(LOGO_BOX.width / image.width, LOGO_BOX.height / image.height, 1);
    return { image, width: image.width * scale, height: image.height * scale };
  } catch {
    // A logo pdf-lib cannot read is left out: the summary matters more than the letterhead.
    return undefined;
  }
}

/**
 * A PDF of a title and lines of text, wrapped and paginated, under the
 * practice's letterhead (logo, name in its colour, contact details) on every
 * page, with page numbers.
 */
export async function buildSummaryPdf(summary: {
  title: string;
  lines: string[];
  brand?: SummaryBrand | undefined;
}): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.setTitle(summary.title);
  document.setProducer('Groundwork');
  document.setCreator('Groundwork portal (generated in the browser)');
  if (summary.brand) document.setAuthor(summary.brand.practiceName);
  const font = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  const width = PAGE.width - MARGIN * 2;
  const brand = summary.brand;
  const colour = colourOf(brand?.primaryColour ?? '');
  const logo = await embedLogo(document, brand?.logo);

  /** Draws the letterhead at the top of a page; returns where the body starts. */
  const letterhead = (target: PDFPage): number => {
    let top = PAGE.height - MARGIN;
    if (!brand) return top;
    let textX = MARGIN;
    if (logo) {
      target.drawImage(logo.image, {
        x: MARGIN,
        y: top - logo.height,
        width: logo.width,
        height: logo.height,
      });
      textX = MARGIN + logo.width + 12;
    }
    const textWidth = PAGE.width - MARGIN - textX;
    let y = top - 13;
    for (const line of wrap(drawable(brand.practiceName, bold), bold, 13, textWidth)) {
      target.drawText(line, { x: textX, y, size: 13, font: bold, color: colour });
      y -= 15;
    }
    const contact = brand.contact.filter(Boolean).join('  ·  ');
    for (const line of contact ? wrap(drawable(contact, font), font, 8.5, textWidth) : []) {
      target.drawText(line, { x: textX, y, size: 8.5, font, color: rgb(0.3, 0.3, 0.3) });
      y -= 11;
    }
    top = Math.min(y + 4, top - (logo?.height ?? 0)) - 8;
    target.drawLine({
      start: { x: MARGIN, y: top },
      end: { x: PAGE.width - MARGIN, y: top },
      thickness: 1.5,
      color: colour,
    });
    return top - 24;
  };

  let page = document.addPage([PAGE.width, PAGE.height]);
  let y = letterhead(page);
  const newPageIfNeeded = () => {
    if (y >= MARGIN + LEADING) return;
    page = document.addPage([PAGE.width, PAGE.height]);
    y = letterhead(page);
  };

  page.drawText(drawable(summary.title, bold), { x: MARGIN, y, size: 16, font: bold });
  y -= 28;
  for (const raw of summary.lines) {
    if (raw === '') {
      y -= LEADING / 2;
      continue;
    }
    const indent = raw.startsWith('- ') ? 12 : 0;
    for (const [index, line] of wrap(drawable(raw, font), font, SIZE, width - indent).entries()) {
      newPageIfNeeded();
      page.drawText(line, {
        x: MARGIN + (index > 0 ? indent : 0),
        y,
        size: SIZE,
        font,
        color: rgb(0.1, 0.1, 0.1),
      });
      y -= LEADING;
    }
  }
  const pages = document.getPages();
  pages.forEach((each, index) => {
    each.drawText(`${index + 1} / ${pages.length}`, {
      x: PAGE.width - MARGIN - 30,
      y: MARGIN / 2,
      size: 8,
      font,
    });
  });
  return document.save();
}
