import { LocaleSchema } from '@groundwork/content';
import { PAPER_SIZES, type PaperSize } from '@groundwork/pdf/brand';
import * as z from 'zod';
import { MAX_HANDOUTS_PER_DOWNLOAD, handoutCatalogue } from './catalogue.server';

const handoutIds = () => new Set(handoutCatalogue().map((choice) => choice.id));

/** `LETTER` or `A4`, case-insensitive. */
export const PaperSchema = z
  .string()
  .transform((value) => value.toUpperCase())
  .pipe(z.enum(PAPER_SIZES, { error: 'must be Letter or A4' }));

/** A studio request: which handouts, in which language, on which paper. */
export const HandoutSelectionSchema = z.object({
  documents: z
    .array(z.string())
    .min(1, 'choose at least one handout')
    .max(MAX_HANDOUTS_PER_DOWNLOAD, `choose at most ${MAX_HANDOUTS_PER_DOWNLOAD} handouts`)
    .refine((ids) => ids.every((id) => handoutIds().has(id)), 'is not a handout in the library')
    .transform((ids) => [...new Set(ids)]),
  locale: LocaleSchema,
  paper: PaperSchema,
});

/** A validated studio request. */
export type HandoutSelection = z.infer<typeof HandoutSelectionSchema>;

/** Reads a studio selection from a URL's query string (`document=…&locale=…&paper=…`). */
export function selectionFromSearchParams(params: URLSearchParams) {
  return HandoutSelectionSchema.safeParse({
    documents: params.getAll('document'),
    locale: params.get('locale') ?? 'en',
    paper: params.get('paper') ?? 'LETTER',
  });
}

/** The download file name of a document, e.g. `preparing-for-your-session-es-a4.pdf`. */
export function pdfFileName(document: { id: string; locale: string }, paper: PaperSize): string {
  return `${document.id}-${document.locale}-${paper.toLowerCase()}.pdf`;
}
