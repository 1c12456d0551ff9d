import { ROUTES, type Route, selectVariant } from '@groundwork/content';
import * as z from 'zod';
import { type BrandKitInput, fieldIssues, parseBrandKit } from '../brand/brand-kit.js';
import { RenderOptionsError } from '../errors.js';
import { HandoutDocument } from '../components/handout-document.js';
import { type DocumentInput, documentKey, resolveDocument } from './document-input.js';
import { fillDocument } from './fill-document.js';
import {
  parseCommonOptions,
  parseReviewLine,
  type RenderOptions,
  type ReviewLineOption,
} from './render-options.js';
import { bytesToStream, renderCached, runRender } from './render-pdf.js';

/** What {@link renderHandout} takes. */
export interface HandoutRenderOptions extends RenderOptions, ReviewLineOption {
  /** A handout from `@groundwork/content`, or its id (looked up in `locale`). */
  document: DocumentInput;
  /** The practice's brand kit (parsed with `parseBrandKit`). */
  brandKit: BrandKitInput;
  /** Routes the practice offers; a handout with route sections prints the shared ones and these routes' sections. Default: every route. */
  routes?: readonly Route[];
}

const RoutesSchema = z
  .array(z.enum(ROUTES, { error: `must be one of ${ROUTES.join(', ')}` }))
  .min(1)
  .optional();

/**
 * Renders a patient handout with the practice's branding: letterhead with
 * logo, placeholders filled from the brand kit, version, review date,
 * reviewer, disclaimer and sources.
 */
export async function renderHandout({
  document,
  brandKit,
  ...options
}: HandoutRenderOptions): Promise<Uint8Array> {
  const common = parseCommonOptions(options, 'renderHandout');
  const reviewLine = parseReviewLine(options, 'renderHandout');
  const parsedRoutes = RoutesSchema.safeParse(options.routes);
  if (!parsedRoutes.success) {
    throw new RenderOptionsError(
      'options for renderHandout',
      fieldIssues(parsedRoutes.error).map((issue) => ({
        ...issue,
        field: issue.field ? `routes.${issue.field}` : 'routes',
      })),
      { cause: parsedRoutes.error },
    );
  }
  const routes = parsedRoutes.data;
  const result = await renderCached({
    cache: options.cache,
    keyParts: [
      'handout',
      documentKey(document, common.locale),
      ...(routes ? [[...routes].sort()] : []),
      brandKit,
      common,
      reviewLine ?? null,
    ],
    produce: async () => {
      const resolved = resolveDocument(document, { locale: common.locale, kind: 'handout' });
      const chosen = routes ? selectVariant(resolved, routes) : resolved;
      const kit = parseBrandKit(brandKit);
      const filled = fillDocument({ document: chosen, brandKit: kit });
      return runRender({
        what: `handout "${resolved.id}" (${resolved.locale})`,
        tagged: common.tagged,
        brandKit: kit,
        locale: resolved.locale,
        paper: common.paper,
        extraWarnings: filled.warnings,
        build: ({ theme, prepare }) => (
          <HandoutDocument
            document={prepare(filled.document)}
            theme={theme}
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

/** {@link renderHandout} as a web ReadableStream, for server responses. */
export async function renderHandoutStream(
  options: HandoutRenderOptions,
): Promise<ReadableStream<Uint8Array>> {
  return bytesToStream(await renderHandout(options));
}
