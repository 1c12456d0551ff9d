import type { Document } from '@groundwork/content';
import { type BrandKitInput, parseBrandKit } from '../brand/brand-kit.js';
import { contentsEntries, GuideDocument, PageRegistry } from '../components/guide-document.js';
import { type DocumentInput, documentKey, resolveDocument } from './document-input.js';
import { fillDocument } from './fill-document.js';
import { parseCommonOptions, type RenderOptions } from './render-options.js';
import { bytesToStream, renderCached, runRender } from './render-pdf.js';

/** Id of the Psychedelic Basics guide in `@groundwork/content`. */
export const GUIDE_ID = 'psychedelic-basics-guide';

/** Groundwork's own brand kit, used for the guide unless a practice co-brands it. */
export const GROUNDWORK_BRAND_KIT: BrandKitInput = {
  practice: { name: 'Groundwork', website: 'https://github.com/groundwork-health/groundwork' },
  colours: { primary: '#1F4E79', accent: '#2E7D6B' },
  typeface: 'source-serif-4',
  footerNote:
    'Education and decision support, not medical or legal advice. A licensed clinician decides.',
};

/** What {@link renderGuide} takes; every field is optional. */
export interface GuideRenderOptions extends RenderOptions {
  /** The guide document or its id; defaults to the Psychedelic Basics guide in `locale`. */
  document?: DocumentInput;
  /** Brand the guide for a practice; defaults to Groundwork's own. */
  brandKit?: BrandKitInput;
  /** Receives every contents entry (chapters and their headings) with the page printed for it. */
  onContents?: (entries: { id: string; title: string; level: 2 | 3; page: number }[]) => void;
}

/**
 * Renders the Psychedelic Basics guide: title page, table of contents with
 * real page numbers and links, a bookmark per section, numbered citations and
 * the reference list, and the clinical statement (version, review, disclaimer).
 * Page numbers come from one layout pass: sections report where they land while
 * react-pdf paginates, before the contents' numbers are drawn.
 */
export async function renderGuide(options: GuideRenderOptions = {}): Promise<Uint8Array> {
  const common = parseCommonOptions(options, 'renderGuide');
  // Set by the build step below; read after the render for onContents.
  const captured: { registry?: PageRegistry; document?: Document } = {};
  const result = await renderCached({
    cache: options.cache,
    // onContents needs the page numbers of this layout, so it never takes a cached one.
    keyParts: options.onContents
      ? null
      : [
          'guide',
          documentKey(options.document ?? GUIDE_ID, common.locale),
          options.brandKit ?? null,
          common,
        ],
    produce: async () => {
      const resolved = resolveDocument(options.document ?? GUIDE_ID, {
        locale: common.locale,
        kind: 'guide',
      });
      const kit = parseBrandKit(options.brandKit ?? GROUNDWORK_BRAND_KIT);
      const filled = fillDocument({ document: resolved, brandKit: kit });
      return runRender({
        what: `the guide "${resolved.id}" (${resolved.locale})`,
        tagged: common.tagged,
        brandKit: kit,
        locale: resolved.locale,
        paper: common.paper,
        extraWarnings: filled.warnings,
        build: ({ theme, prepare }) => {
          const prepared = prepare(filled.document);
          const registry = new PageRegistry();
          captured.registry = registry;
          captured.document = prepared;
          return (
            <GuideDocument
              document={prepared}
              theme={theme}
              registry={registry}
              pdfa={common.pdfa}
            />
          );
        },
      });
    },
  });
  const { registry, document: guideDocument } = captured;
  if (options.onContents && registry && guideDocument) {
    const pages = registry;
    options.onContents(
      contentsEntries(guideDocument).map((entry) => ({
        id: entry.id,
        title: entry.title,
        level: entry.level,
        page: pages.pageOf(entry.anchor) ?? 0,
      })),
    );
  }
  options.onWarnings?.(result.warnings);
  return result.bytes;
}

/** {@link renderGuide} as a web ReadableStream, for server responses. */
export async function renderGuideStream(
  options: GuideRenderOptions = {},
): Promise<ReadableStream<Uint8Array>> {
  return bytesToStream(await renderGuide(options));
}
