import * as fontkit from 'fontkit';
import type { TypefaceId } from '../brand/typefaces.js';
import { stackFaces } from '../fonts/register-fonts.js';

/** Code points a typeface's font stack can draw. */
export interface GlyphCoverage {
  has(codePoint: number): boolean;
  /** What to draw in place of a character no font covers. */
  replacement: string;
}

const coverageCache = new Map<TypefaceId, GlyphCoverage>();

/** The union of code points covered by a typeface's stack (brand face, fallbacks, Noto), computed once per process. */
export function glyphCoverage(typeface: TypefaceId): GlyphCoverage {
  let coverage = coverageCache.get(typeface);
  if (!coverage) {
    const covered = new Set<number>();
    for (const { bytes } of stackFaces(typeface)) {
      const font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      if ('characterSet' in font) for (const codePoint of font.characterSet) covered.add(codePoint);
    }
    const has = (codePoint: number) => covered.has(codePoint);
    coverage = { has, replacement: has(0xfffd) ? '\uFFFD' : '?' };
    coverageCache.set(typeface, coverage);
  }
  return coverage;
}
