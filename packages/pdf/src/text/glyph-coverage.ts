import * as fontkit from 'fontkit';
import type { TypefaceId } from '../brand/typefaces.js';
import { SCRIPT_FAMILIES } from '../fonts/font-catalogue.js';
import { stackFaces } from '../fonts/register-fonts.js';

const EMOJI_FAMILY = SCRIPT_FAMILIES.find((family) => family.includes('emoji'));

/** Code points a typeface's font stack can draw. */
export interface GlyphCoverage {
  has(codePoint: number): boolean;
  /** What to draw in place of a character no font covers. */
  replacement: string;
  /** Whether react-pdf will draw this code point with the emoji face (the first face of the stack that maps it). */
  inEmojiFace(codePoint: number): boolean;
  /** Whether the emoji face shapes `sequence` (a ZWJ, modifier or flag sequence) into one glyph it has. */
  emojiFaceDrawsWhole(sequence: string): boolean;
}

type Glyph = { id: number };

type Font = ReturnType<typeof fontkit.create> & {
  characterSet: number[];
  layout(text: string): { glyphs: Glyph[] };
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
    let emojiIndex = -1;
    for (const { family, bytes } of stackFaces(typeface)) {
      const font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      if (!('characterSet' in font)) continue;
      const index = fonts.push(font as Font) - 1;
      if (family === EMOJI_FAMILY) emojiIndex = index;
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
    const inEmojiFace = (codePoint: number) =>
      emojiIndex >= 0 && firstFont.get(codePoint) === emojiIndex && has(codePoint);
    const emojiFaceDrawsWhole = (sequence: string) => {
      if (![...sequence].every((character) => inEmojiFace(character.codePointAt(0) ?? 0)))
        return false;
      try {
        const glyphs = fonts[emojiIndex]?.layout(sequence).glyphs ?? [];
        return glyphs.length === 1 && glyphs[0]?.id !== 0;
      } catch {
        return false;
      }
    };
    coverage = {
      has,
      replacement: has(0xfffd) ? '\uFFFD' : '?',
      inEmojiFace,
      emojiFaceDrawsWhole,
    };
    coverageCache.set(typeface, coverage);
  }
  return coverage;
}
