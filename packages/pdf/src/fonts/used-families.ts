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

const stackCoverage = new Map<TypefaceId, FamilyCoverage[]>();

function coverageOf(typeface: TypefaceId): FamilyCoverage[] {
  let coverage = stackCoverage.get(typeface);
  if (!coverage) {
    const files = allFontFiles();
    coverage = fontStack(typeface).map((family) => {
      const sets = files
        .filter((file) => file.family === family)
        .map((file) => {
          const bytes = fontBytes(file.specifier);
          const font = fontkit.create(
            Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
          );
          return new Set('characterSet' in font ? font.characterSet : []);
        });
      const some = new Set(sets.flatMap((set) => [...set]));
      const every = new Set(
        [...some].filter((codePoint) => sets.every((set) => set.has(codePoint))),
      );
      return { family, some, every };
    });
    stackCoverage.set(typeface, coverage);
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
  const coverage = coverageOf(typeface);
  const used = new Set<string>();
  const first = coverage[0];
  if (first) used.add(first.family);
  for (const codePoint of codePoints) {
    for (const family of coverage) {
      if (family.some.has(codePoint)) used.add(family.family);
      if (family.every.has(codePoint)) break;
    }
  }
  return coverage.map(({ family }) => family).filter((family) => used.has(family));
}
