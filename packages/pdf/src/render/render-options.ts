import { LOCALES, type Locale } from '@groundwork/content';
import * as z from 'zod';
import { fieldIssues } from '../brand/brand-kit.js';
import { RenderOptionsError } from '../errors.js';
import { PAPER_SIZES, type PaperSize } from '../paper.js';
import type { RenderWarning } from '../text/prepare-text.js';
import type { RenderCache } from './render-cache.js';

/** Options every render function takes. */
export interface RenderOptions {
  /** Language of the document and of the interface labels; defaults to `en`. */
  locale?: Locale;
  /** `LETTER` (default) or `A4`; lower case is accepted too. */
  paper?: PaperSize | Lowercase<PaperSize>;
  /** Ask the writer for PDF/A-2b (embedded fonts, XMP metadata, sRGB output intent). Defaults to false. */
  pdfa?: boolean;
  /**
   * Write a tagged PDF (PDF/UA-1): a structure tree screen readers follow,
   * alternative text, languages, artifacts for page furniture. Defaults to true.
   */
  tagged?: boolean;
  /**
   * Reuse identical earlier renders from this cache (see `createRenderCache`).
   * Without one, every call renders.
   */
  cache?: RenderCache;
  /** Called once per render with anything adjusted on the way (missing glyphs, brand colours darkened). */
  onWarnings?: (warnings: RenderWarning[]) => void;
}

const CommonOptionsSchema = z.object({
  locale: z
    .enum(LOCALES, {
      error: (issue) =>
        `must be one of ${LOCALES.join(', ')} (received ${JSON.stringify(issue.input)})`,
    })
    .default('en'),
  paper: z
    .string({ error: `must be one of ${PAPER_SIZES.join(', ')}` })
    .transform((value) => value.toUpperCase())
    .pipe(
      z.enum(PAPER_SIZES, {
        error: (issue) =>
          `must be one of ${PAPER_SIZES.join(', ')} (received ${JSON.stringify(issue.input)})`,
      }),
    )
    .default('LETTER'),
  pdfa: z.boolean({ error: 'must be true or false' }).default(false),
  tagged: z.boolean({ error: 'must be true or false' }).default(true),
});

/** The reviewer line option of the documents that print one (handouts, consent forms, practice forms). */
export interface ReviewLineOption {
  /**
   * Printed in place of the document's own "Reviewed: <date> · Reviewer:
   * <reviewer>", after the version: for example who reviewed the document for
   * the practice. The content's `reviewer` and `reviewedAt` are unchanged.
   */
  reviewLine?: string;
}

const ReviewLineSchema = z
  .string({ error: 'must be a string' })
  .trim()
  .min(1, 'must not be empty')
  .max(600, 'must be at most 600 characters')
  .optional();

/** Checks the `reviewLine` option; a bad one is a {@link RenderOptionsError}. */
export function parseReviewLine(options: ReviewLineOption, what: string): string | undefined {
  const result = ReviewLineSchema.safeParse(options.reviewLine);
  if (!result.success) {
    throw new RenderOptionsError(
      `options for ${what}`,
      fieldIssues(result.error).map((issue) => ({ ...issue, field: 'reviewLine' })),
      { cause: result.error },
    );
  }
  return result.data;
}

/** The options every render reads, checked. */
export interface CommonOptions {
  locale: Locale;
  paper: PaperSize;
  pdfa: boolean;
  tagged: boolean;
}

/**
 * Checks the options every render function shares; a bad one is a
 * {@link RenderOptionsError} naming the option, what it accepts and what it got.
 */
export function parseCommonOptions(options: RenderOptions, what: string): CommonOptions {
  const result = CommonOptionsSchema.safeParse({
    locale: options.locale,
    paper: options.paper,
    pdfa: options.pdfa,
    tagged: options.tagged,
  });
  if (!result.success) {
    throw new RenderOptionsError(`options for ${what}`, fieldIssues(result.error), {
      cause: result.error,
    });
  }
  return result.data;
}
