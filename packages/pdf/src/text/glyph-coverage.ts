import * as fontkit from 'fontkit';
import type { TypefaceId } from '../brand/typefaces.js';
import { stackFaces } from '../fonts/register-fonts.js';

/** Code points a typeface's font stack can draw. */
export interface GlyphCoverage {
  has(codePoint: number): boolean;
  /** What to draw in place of a character no font covers. */
  replacement: string;
}

type Font = ReturnType<typeof fontkit.create> & {
  characterSet: number[];
  layout(text: string): unknown;
};

const coverageCache = new Map<TypefaceId, GlyphCoverage>();

/**
 * The code points a typeface's stack (brand face, fallbacks, Noto) can draw,
 * computed once per process. A code point counts only if the first font that
 * maps it can also shape it: some fonts map glyphs whose positioning tables
 * crash fontkit (Noto Sans Arabic's U+08A4), and those are replaced instead.
 */
export function glyphCoverage(typeface: TypefaceId): GlyphCoverage {
  let coverage = coverageCache.get(typeface);
  if (!coverage) {
    const fonts: Font[] = [];
    const firstFont = new Map<number, number>();
    for (const { bytes } of stackFaces(typeface)) {
      const font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      if (!('characterSet' in font)) continue;
      const index = fonts.push(font as Font) - 1;
      for (const codePoint of (font as Font).characterSet) {
        if (!firstFont.has(codePoint)) firstFont.set(codePoint, index);
      }
    }
    const shapes = new Map<number, boolean>();
    const has = (codePoint: number) => {
      const index = firstFont.get(codePoint);
      if (index === undefined) return false;
      let ok = shapes.get(codePoint);
      if (ok === undefined) {
        try {
          fonts[index]?.layout(String.fromCodePoint(codePoint));
          ok = true;
        } catch {
          ok = false;
        }
        shapes.set(codePoint, ok);
      }
      return ok;
    };
    coverage = { has, replacement: has(0xfffd) ? '\uFFFD' : '?' };
    coverageCache.set(typeface, coverage);
  }
  return coverage;
}
