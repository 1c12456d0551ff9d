import type { TypefaceId } from '../brand/typefaces.js';

/** One font file the package registers with react-pdf. */
export interface FontFile {
  /** react-pdf family name (one per Unicode subset, so fallback works per character). */
  family: string;
  /** Module specifier of the `.woff` file inside an @fontsource package. */
  specifier: string;
  weight: 400 | 700;
  style: 'normal' | 'italic';
}

type Subset =
  | 'latin'
  | 'latin-ext'
  | 'vietnamese'
  | 'greek'
  | 'greek-ext'
  | 'cyrillic'
  | 'cyrillic-ext';

interface Source {
  package: string;
  subsets: readonly Subset[];
  italic: boolean;
}

const BRAND_SOURCES: Record<TypefaceId, Source> = {
  inter: {
    package: 'inter',
    subsets: ['latin', 'latin-ext', 'vietnamese', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext'],
    italic: true,
  },
  'source-serif-4': {
    package: 'source-serif-4',
    subsets: ['latin', 'latin-ext', 'vietnamese', 'greek', 'cyrillic', 'cyrillic-ext'],
    italic: true,
  },
  'atkinson-hyperlegible': {
    package: 'atkinson-hyperlegible',
    subsets: ['latin', 'latin-ext'],
    italic: true,
  },
};

// Scripts no brand face covers; appended to every stack. Noto has no italics here,
// so italic text in these scripts falls back to the upright face.
const SCRIPT_SOURCES = [
  { family: 'gw-noto-sans-arabic', package: 'noto-sans-arabic', subset: 'arabic', bold: true },
  { family: 'gw-noto-sans-hebrew', package: 'noto-sans-hebrew', subset: 'hebrew', bold: true },
  { family: 'gw-noto-emoji', package: 'noto-emoji', subset: 'emoji', bold: false },
] as const;

/** The fallback script families (Arabic, Hebrew, emoji) at the end of every stack. */
export const SCRIPT_FAMILIES: readonly string[] = SCRIPT_SOURCES.map((script) => script.family);

const familyName = (typeface: TypefaceId, subset: Subset) => `gw-${typeface}-${subset}`;

function brandFiles(typeface: TypefaceId): FontFile[] {
  const source = BRAND_SOURCES[typeface];
  return source.subsets.flatMap((subset) =>
    ([400, 700] as const).flatMap((weight) =>
      (['normal', 'italic'] as const).map((style) => ({
        family: familyName(typeface, subset),
        specifier: `@fontsource/${source.package}/files/${source.package}-${subset}-${weight}-${source.italic ? style : 'normal'}.woff`,
        weight,
        style,
      })),
    ),
  );
}

/** Every font file the package registers, across all typefaces and fallback scripts. */
export function allFontFiles(): FontFile[] {
  const scripts = SCRIPT_SOURCES.flatMap((script) =>
    ([400, 700] as const).flatMap((weight) =>
      (['normal', 'italic'] as const).map((style) => ({
        family: script.family,
        specifier: `@fontsource/${script.package}/files/${script.package}-${script.subset}-${script.bold ? weight : 400}-normal.woff`,
        weight,
        style,
      })),
    ),
  );
  return [
    ...(Object.keys(BRAND_SOURCES) as TypefaceId[]).flatMap((typeface) => brandFiles(typeface)),
    ...scripts,
  ];
}

/**
 * The react-pdf `fontFamily` stack for a brand typeface: its own subsets first,
 * then Inter for scripts it lacks (Greek, Cyrillic, Vietnamese), then Noto Sans
 * Arabic, Noto Sans Hebrew and Noto Emoji. react-pdf picks, per character, the
 * first family with a glyph.
 */
export function fontStack(typeface: TypefaceId): string[] {
  const own = BRAND_SOURCES[typeface].subsets;
  const borrowed = BRAND_SOURCES.inter.subsets.filter((subset) => !own.includes(subset));
  return [
    ...own.map((subset) => familyName(typeface, subset)),
    ...borrowed.map((subset) => familyName('inter', subset)),
    ...SCRIPT_SOURCES.map((script) => script.family),
  ];
}
