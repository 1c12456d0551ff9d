import type { Document } from '@groundwork/content';
import { type BrandKitInput, parseBrandKit } from '../brand/brand-kit.js';
import { GuideDocument, PageRegistry } from '../components/guide-document.js';
import { type DocumentInput, resolveDocument } from './document-input.js';
import { fillDocument } from './fill-document.js';
import { CommonOptionsSchema, type RenderOptions } from './render-options.js';
import { bytesToStream, runRender } from './render-pdf.js';

/** Id of the Psychedelic Basics Guide in `@groundwork/content`. */
export const GUIDE_ID = 'psychedelic-basics-guide';

/** Groundwork's own brand kit, used for the guide unless a practice co-brands it. */
export const GROUNDWORK_BRAND_KIT: BrandKitInput = {
  practice: { name: 'Groundwork', website: 'https://github.com/groundwork-health/groundwork' },
  colours: { primary: '#1F4E79', accent: '#2E7D6B' },
  typeface: 'source-serif-4',
  footerNote: 'Education and decision support, not medical or legal advice. A licensed clinician decides.',
};

/** Options for {@link renderGuide}. */
export interface GuideOptions extends RenderOptions {
  /** The guide document or its id; defaults to the Psychedelic Basics Guide in `locale`. */
  document?: DocumentInput;
  /** Brand the guide for a practice; defaults to Groundwork's own. */
  brandKit?: BrandKitInput;
  /** Receives the page each section starts on (as printed in the table of contents). */
  onSectionPages?: (pages: { sectionId: string; title: string; page: number }[]) => void;
}

/**
 * Renders the Psychedelic Basics Guide: title page, table of contents with
 * real page numbers and links, a bookmark per section, numbered citations and
 * the reference list, and the clinical statement (version, review, disclaimer).
 * Page numbers come from one layout pass: sections report where they land while
 * react-pdf paginates, before the contents' numbers are drawn.
 */
export async function renderGuide(options: GuideOptions = {}): Promise<Uint8Array> {
  const common = CommonOptionsSchema.parse(options);
  const resolved: Document = resolveDocument(options.document ?? GUIDE_ID, {
    locale: common.locale,
    kind: 'guide',
  });
  const kit = parseBrandKit(options.brandKit ?? GROUNDWORK_BRAND_KIT);
  const filled = fillDocument(resolved, kit);
  let registry: PageRegistry | undefined;
  const result = await runRender({
    what: `the guide "${resolved.id}" (${resolved.locale})`,
    brandKit: kit,
    locale: resolved.locale,
    paper: common.paper,
    cacheKey:
      common.cache && !options.onSectionPages
        ? ['guide', typeof options.document === 'object' ? resolved : [resolved.id, resolved.version], resolved.locale, kit, common]
        : null,
    extraWarnings: filled.warnings,
    build: ({ theme, prepare }) => {
      registry = new PageRegistry();
      return <GuideDocument document={prepare(filled.document)} theme={theme} registry={registry} pdfa={common.pdfa} />;
    },
  });
  if (options.onSectionPages && registry) {
    const pages = registry;
    options.onSectionPages(
      resolved.sections
        .filter((section) => section.title)
        .map((section) => ({ sectionId: section.id, title: section.title ?? '', page: pages.pageOf(section.id) ?? 0 })),
    );
  }
  options.onWarnings?.(result.warnings);
  return result.bytes;
}

/** {@link renderGuide} as a web ReadableStream, for server responses. */
export async function renderGuideStream(options: GuideOptions = {}): Promise<ReadableStream<Uint8Array>> {
  return bytesToStream(await renderGuide(options));
}
