import * as fontkit from 'fontkit';
import type { TypefaceId } from '../brand/typefaces.js';
import { allFontFiles, fontStack } from './font-catalogue.js';
import { fontBytes } from './register-fonts.js';

/** What one family of a stack can draw, over all its faces (weights and styles). */
interface FamilyCoverage {
  family: string;
  /** Code points at least one face has a glyph for. */
  some: Set<number>;
  /** Code points every face has a glyph for. */
  every: Set<number>;
}

const familyCoverage = new Map<string, FamilyCoverage>();

/** What a family can draw, read from its font files the first time it is asked for. */
function coverageOf(family: string): FamilyCoverage {
  let coverage = familyCoverage.get(family);
  if (!coverage) {
    const sets = allFontFiles()
      .filter((file) => file.family === family)
      .map((file) => {
        const bytes = fontBytes(file.specifier);
        const font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        if (!('characterSet' in font)) return new Set<number>();
        // The cmap's ranges can list code points mapped to no glyph; react-pdf
        // asks hasGlyphForCodePoint, so count only what that says yes to.
        return new Set(
          font.characterSet.filter((codePoint) => font.hasGlyphForCodePoint(codePoint)),
        );
      });
    const some = new Set(sets.flatMap((set) => [...set]));
    const every = new Set([...some].filter((codePoint) => sets.every((set) => set.has(codePoint))));
    coverage = { family, some, every };
    familyCoverage.set(family, coverage);
  }
  return coverage;
}

/**
 * The families of a typeface's stack that text made of `codePoints` can draw
 * from, in stack order. react-pdf picks, per character and face, the first
 * family of the stack with a glyph; a family is left out only when it can
 * never be that pick (none of its faces has any of the characters, or an
 * earlier family has them in every face). So the text lays out and draws
 * exactly as with the whole stack, while react-pdf loads, looks up and tries
 * fewer fonts for every node and character. The brand's first family is
 * always kept.
 */
export function usedFamilies(typeface: TypefaceId, codePoints: Iterable<number>): string[] {
  const stack = fontStack(typeface);
  const used = new Set<string>(stack.slice(0, 1));
  for (const codePoint of codePoints) {
    for (const family of stack) {
      const coverage = coverageOf(family);
      if (coverage.some.has(codePoint)) used.add(family);
      if (coverage.every.has(codePoint)) break;
    }
  }
  return stack.filter((family) => used.has(family));
}
