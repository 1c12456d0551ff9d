import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pdfText, renderFirstPagePng } from './page-image.server';

/** A minimal, valid one-page PDF (US Letter) showing `text` in Helvetica. */
function tinyPdf(text: string): Uint8Array {
  const stream = `BT /F1 36 Tf 72 700 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

describe('renderFirstPagePng', () => {
  it('draws page 1 as a PNG of the requested width with ink on it', async () => {
    const png = await renderFirstPagePng(tinyPdf('Hello Groundwork'), { width: 306 });
    const image = sharp(png);
    const { width, height, format } = await image.metadata();
    expect(format).toBe('png');
    expect(width).toBe(306);
    expect(height).toBe(396);
    const { channels } = await image.stats();
    // A blank page is all white; the text makes the darkest red value near black.
    expect(channels[0]?.min).toBeLessThan(80);
  });

  it('leaves the caller’s buffer usable', async () => {
    const pdf = tinyPdf('Twice');
    await renderFirstPagePng(pdf);
    expect(pdf.byteLength).toBeGreaterThan(0);
    expect((await pdfText(pdf)).text).toContain('Twice');
  });

  it('rejects bytes that are not a PDF', async () => {
    await expect(renderFirstPagePng(new TextEncoder().encode('not a pdf'))).rejects.toThrow();
  });
});
