import { ROUTES, type Route, selectVariant } from '@groundwork/content';
import * as z from 'zod';
import { type BrandKitInput, fieldIssues, parseBrandKit } from '../brand/brand-kit.js';
import { FormDocument } from '../components/form-document.js';
import { RenderOptionsError } from '../errors.js';
import { type DocumentInput, documentKey, resolveDocument } from './document-input.js';
import { fillDocument } from './fill-document.js';
import {
  parseCommonOptions,
  parseReviewLine,
  type RenderOptions,
  type ReviewLineOption,
} from './render-options.js';
import { bytesToStream, renderCached, runRender } from './render-pdf.js';

/** What {@link renderForm} takes. */
export interface FormRenderOptions extends RenderOptions, ReviewLineOption {
  /** A practice form (`kind: 'form'`) from `@groundwork/content`, or its id (looked up in `locale`). */
  document: DocumentInput;
  /** The practice's brand kit. */
  brandKit: BrandKitInput;
  /** Routes the practice offers; a form with route pages prints the shared pages and these routes' pages. Default: every route. */
  routes?: readonly Route[];
  /** Add fillable fields for the labelled lines and signatures. Default: true, or false when `pdfa` is set. */
  fillable?: boolean;
}

const FormFieldsSchema = z.object({
  routes: z
    .array(z.enum(ROUTES, { error: `must be one of ${ROUTES.join(', ')}` }))
    .min(1)
    .optional(),
  fillable: z.boolean({ error: 'must be true or false' }).optional(),
});

/**
 * Renders a practice form (session flow sheet, discharge checklist,
 * adverse-event log, REMS helper sheet) with the practice's branding:
 * labelled lines, tick boxes, rows to write in and signature lines, and the
 * version, review date and sources like every Groundwork document.
 */
export async function renderForm({
  document,
  brandKit,
  ...options
}: FormRenderOptions): Promise<Uint8Array> {
  const common = parseCommonOptions(options, 'renderForm');
  const reviewLine = parseReviewLine(options, 'renderForm');
  const parsed = FormFieldsSchema.safeParse({ routes: options.routes, fillable: options.fillable });
  if (!parsed.success) {
    throw new RenderOptionsError('options for renderForm', fieldIssues(parsed.error), {
      cause: parsed.error,
    });
  }
  const fillable = parsed.data.fillable ?? !common.pdfa;
  const routes = parsed.data.routes;
  const result = await renderCached({
    cache: options.cache,
    keyParts: [
      'form',
      documentKey(document, common.locale),
      routes ? [...routes].sort() : null,
      brandKit,
      common,
      fillable,
      reviewLine ?? null,
    ],
    produce: async () => {
      const resolved = resolveDocument(document, { locale: common.locale, kind: 'form' });
      const chosen = routes ? selectVariant(resolved, routes) : resolved;
      const kit = parseBrandKit(brandKit);
      const filled = fillDocument({ document: chosen, brandKit: kit });
      return runRender({
        what: `form "${resolved.id}" (${resolved.locale})`,
        brandKit: kit,
        locale: resolved.locale,
        paper: common.paper,
        extraWarnings: filled.warnings,
        build: ({ theme, prepare }) => (
          <FormDocument
            document={prepare(filled.document)}
            theme={theme}
            fillable={fillable}
            pdfa={common.pdfa}
            reviewLine={reviewLine === undefined ? undefined : prepare(reviewLine)}
          />
        ),
      });
    },
  });
  options.onWarnings?.(result.warnings);
  return result.bytes;
}

/** {@link renderForm} as a web ReadableStream, for server responses. */
export async function renderFormStream(
  options: FormRenderOptions,
): Promise<ReadableStream<Uint8Array>> {
  return bytesToStream(await renderForm(options));
}
