/** A typeface a brand kit can choose; every one ships with the package under an open licence. */
export interface Typeface {
  /** Stable id used in brand kits. */
  id: TypefaceId;
  /** Family name as designers know it. */
  name: string;
  /** Broad style, for pickers. */
  category: 'sans-serif' | 'serif';
  /** Why a practice might pick it. */
  description: string;
  /** SPDX licence id of the font files. */
  licence: 'OFL-1.1';
}

/** Ids of the bundled brand typefaces. */
export const TYPEFACE_IDS = ['inter', 'source-serif-4', 'atkinson-hyperlegible'] as const;

/** A bundled brand typeface id. */
export type TypefaceId = (typeof TYPEFACE_IDS)[number];

/** The bundled brand typefaces, in the order a picker should show them. */
export const TYPEFACES: readonly Typeface[] = [
  {
    id: 'inter',
    name: 'Inter',
    category: 'sans-serif',
    description: 'A neutral, highly legible sans-serif for screens and print.',
    licence: 'OFL-1.1',
  },
  {
    id: 'source-serif-4',
    name: 'Source Serif 4',
    category: 'serif',
    description: 'A warm, readable serif for long-form reading.',
    licence: 'OFL-1.1',
  },
  {
    id: 'atkinson-hyperlegible',
    name: 'Atkinson Hyperlegible',
    category: 'sans-serif',
    description: 'Designed by the Braille Institute for readers with low vision.',
    licence: 'OFL-1.1',
  },
];
