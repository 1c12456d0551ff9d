import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BrandKitInput,
  type PaperSize,
  paperDimensions,
  renderHandout,
} from '@groundwork/pdf';
import { describe, expect, it } from 'vitest';
import { makePng, riverside } from '../../test/fixtures.js';
import { PAGE_PADDING } from './page-chrome.js';

/** Exactly `length` characters of `text` repeated. */
const fill = (text: string, length: number) =>
  text.repeat(Math.ceil(length / text.length)).slice(0, length);

/** Every brand-kit text field at its longest allowed value, in wide letters. */
const longest: BrandKitInput['practice'] = {
  name: fill('Wellspring Wilderness-Way Mindworks ', 120).trim(),
  address: fill('Suite 1200, 9999 Westminster Boulevard Northwest, ', 300).trim(),
  phone: fill('+1 (555) 010-2000 ext. 9999 ', 40).trim(),
  emergencyPhone: fill('+1 (555) 010-2999 ext. 8888 ', 40).trim(),
  website:
    `https://${fill('wellspring-wilderness-way-mindworks.', 60)}example/${fill('patients/', 120)}`.slice(
      0,
      200,
    ),
};

interface Word {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Words on the first page with their boxes, from pdftotext -bbox (y from the top). */
function firstPageWords(bytes: Uint8Array): Word[] {
  const file = join(mkdtempSync(join(tmpdir(), 'letterhead-')), 'out.pdf');
  writeFileSync(file, bytes);
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], {
    encoding: 'utf8',
  });
  return [
    ...html.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    ),
  ].map(([, xMin, yMin, xMax, yMax, text]) => ({
    text: text ?? '',
    xMin: Number(xMin),
    yMin: Number(yMin),
    xMax: Number(xMax),
    yMax: Number(yMax),
  }));
}

describe('letterhead', () => {
  it.each([
    ['a 4:1 wordmark', 400, 100, 'LETTER'],
    ['a 1:4 upright logo', 100, 400, 'LETTER'],
    ['a square logo', 200, 200, 'A4'],
    ['a 4:1 wordmark', 400, 100, 'A4'],
  ] as const)('keeps every word inside the margins with %s and the longest fields (%s)', async (_, width, height, paper: PaperSize) => {
    const bytes = await renderHandout({
      document: 'preparing-for-your-session',
      brandKit: { ...riverside, practice: longest, logo: makePng(width, height) },
      paper,
    });
    const page = paperDimensions(paper);
    const words = firstPageWords(bytes);
    // The whole name and website are there (nothing was dropped).
    const text = words.map((word) => word.text).join(' ');
    expect(text).toContain('Wellspring');
    expect(text).toContain('Westminster');
    for (const word of words) {
      // No hyphen drawn after punctuation (a break at a double space used to add one).
      expect(word.text).not.toMatch(/[,·]-$/);
      expect(word.xMin, `"${word.text}" starts left of the margin`).toBeGreaterThanOrEqual(
        PAGE_PADDING.horizontal - 0.5,
      );
      expect(word.xMax, `"${word.text}" ends right of the margin`).toBeLessThanOrEqual(
        page.width - PAGE_PADDING.horizontal + 0.5,
      );
      expect(word.yMin).toBeGreaterThanOrEqual(0);
      expect(word.yMax).toBeLessThanOrEqual(page.height);
    }
  });
});
