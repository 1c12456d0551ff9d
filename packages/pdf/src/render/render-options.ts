import * as z from 'zod';
import { PAPER_SIZES } from '../paper.js';
import type { RenderWarning } from '../text/prepare-text.js';

/** Options every render function takes. */
export interface RenderOptions {
  /** Locale of the document and of interface labels (`en` or `es`); defaults to `en`. */
  locale?: string;
  /** `LETTER` (default) or `A4`, case-insensitive. */
  paper?: string;
  /** Ask the writer for PDF/A-2b (embedded fonts, XMP metadata, sRGB output intent). Defaults to false. */
  pdfa?: boolean;
  /** Reuse an identical earlier render from the in-memory LRU cache. Defaults to true. */
  cache?: boolean;
  /** Called once per render with anything adjusted on the way (missing glyphs, brand colours darkened). */
  onWarnings?: (warnings: RenderWarning[]) => void;
}

/** The common options after checking. */
export const CommonOptionsSchema = z.object({
  locale: z
    .string()
    .regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a language tag like en or es')
    .default('en'),
  paper: z
    .string()
    .transform((value) => value.toUpperCase())
    .pipe(z.enum(PAPER_SIZES, { error: `must be one of ${PAPER_SIZES.join(', ')}` }))
    .default('LETTER'),
  pdfa: z.boolean().default(false),
  cache: z.boolean().default(true),
});
