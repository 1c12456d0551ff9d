import { type BrandKitInput, parseBrandKit } from '../brand/brand-kit.js';
import { HandoutDocument } from '../components/handout-document.js';
import { type DocumentInput, documentKey, resolveDocument } from './document-input.js';
import { fillDocument } from './fill-document.js';
import { CommonOptionsSchema, type RenderOptions } from './render-options.js';
import { bytesToStream, renderCached, runRender } from './render-pdf.js';

/**
 * Renders a patient handout with the practice's branding: letterhead with
 * logo, placeholders filled from the brand kit, version, review date,
 * reviewer, disclaimer and sources. `document` is a content document or its id
 * (looked up in `options.locale`).
 */
export async function renderHandout(
  document: DocumentInput,
  brandKit: BrandKitInput,
  options: RenderOptions = {},
): Promise<Uint8Array> {
  const common = CommonOptionsSchema.parse(options);
  const result = await renderCached(
    common.cache ? ['handout', documentKey(document, common.locale), brandKit, common] : null,
    async () => {
      const resolved = resolveDocument(document, { locale: common.locale, kind: 'handout' });
      const kit = parseBrandKit(brandKit);
      const filled = fillDocument(resolved, kit);
      return runRender({
        what: `handout "${resolved.id}" (${resolved.locale})`,
        brandKit: kit,
        locale: resolved.locale,
        paper: common.paper,
        extraWarnings: filled.warnings,
        build: ({ theme, prepare }) => (
          <HandoutDocument document={prepare(filled.document)} theme={theme} pdfa={common.pdfa} />
        ),
      });
    },
  );
  options.onWarnings?.(result.warnings);
  return result.bytes;
}

/** {@link renderHandout} as a web ReadableStream, for server responses. */
export async function renderHandoutStream(
  document: DocumentInput,
  brandKit: BrandKitInput,
  options: RenderOptions = {},
): Promise<ReadableStream<Uint8Array>> {
  return bytesToStream(await renderHandout(document, brandKit, options));
}
