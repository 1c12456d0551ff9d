import { PDFDocument, type PDFFont, StandardFonts, rgb } from 'pdf-lib';

/**
 * Makes the screening summary PDF in the browser (pdf-lib, standard
 * Helvetica): the answers never leave the page. Browser-only module
 * (`.client.ts`), loaded with `import()` when the clinician asks for it.
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

/** A PDF of a title and lines of text, wrapped and paginated, with page numbers. */
export async function buildSummaryPdf(summary: {
  title: string;
  lines: string[];
}): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.setTitle(summary.title);
  document.setProducer('Groundwork');
  document.setCreator('Groundwork portal (generated in the browser)');
  const font = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  const width = PAGE.width - MARGIN * 2;

  let page = document.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - MARGIN;
  const newPageIfNeeded = () => {
    if (y >= MARGIN + LEADING) return;
    page = document.addPage([PAGE.width, PAGE.height]);
    y = PAGE.height - MARGIN;
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
