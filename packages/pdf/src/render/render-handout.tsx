import { type BrandKitInput, parseBrandKit } from '../brand/brand-kit.js';
import { HandoutDocument } from '../components/handout-document.js';
import { type DocumentInput, documentKey, resolveDocument } from './document-input.js';
import { fillDocument } from './fill-document.js';
import { parseCommonOptions, type RenderOptions } from './render-options.js';
import { bytesToStream, renderCached, runRender } from './render-pdf.js';

/** What {@link renderHandout} takes. */
export interface HandoutRenderOptions extends RenderOptions {
  /** A handout from `@groundwork/content`, or its id (looked up in `locale`). */
  document: DocumentInput;
  /** The practice's brand kit (parsed with `parseBrandKit`). */
  brandKit: BrandKitInput;
}

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
  const result = await renderCached({
    cache: options.cache,
    keyParts: ['handout', documentKey(document, common.locale), brandKit, common],
    produce: async () => {
      const resolved = resolveDocument(document, { locale: common.locale, kind: 'handout' });
      const kit = parseBrandKit(brandKit);
      const filled = fillDocument({ document: resolved, brandKit: kit });
      return runRender({
        what: `handout "${resolved.id}" (${resolved.locale})`,
        tagged: common.tagged,
        brandKit: kit,
        locale: resolved.locale,
        paper: common.paper,
        extraWarnings: filled.warnings,
        build: ({ theme, prepare }) => (
          <HandoutDocument document={prepare(filled.document)} theme={theme} pdfa={common.pdfa} />
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
