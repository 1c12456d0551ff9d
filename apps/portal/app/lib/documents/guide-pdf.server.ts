import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { renderPdf } from './pdf-renderer.server';
import { getGuide } from './guide.server';

/** Paper sizes the guide download offers: URL value → @groundwork/pdf paper name. */
export const GUIDE_PAPERS = { letter: 'LETTER', a4: 'A4' } as const;

/** A paper size as written in the download URL (`?paper=letter`). */
export type GuidePaper = keyof typeof GUIDE_PAPERS;

/** Whether a query value names a paper size we offer. */
export function isGuidePaper(value: string): value is GuidePaper {
  return Object.hasOwn(GUIDE_PAPERS, value);
}

/** The installed @groundwork/pdf version: a new renderer may lay the same content out differently. */
export const PDF_PACKAGE_VERSION: string = (
  createRequire(import.meta.url)('@groundwork/pdf/package.json') as { version: string }
).version;

/**
 * The guide PDF's strong ETag: a hash of what determines its bytes — the
 * guide's content version, the paper size and the PDF package version. It is
 * known without rendering, so a revalidation (304) costs nothing.
 */
export function guidePdfEtag({
  contentVersion,
  paper,
  pdfVersion = PDF_PACKAGE_VERSION,
}: {
  contentVersion: string;
  paper: GuidePaper;
  pdfVersion?: string;
}): string {
  const hash = createHash('sha256')
    .update(`psychedelic-basics-guide\n${contentVersion}\n${paper}\n${pdfVersion}`)
    .digest('base64url')
    .slice(0, 32);
  return `"${hash}"`;
}

/** Whether an If-None-Match header matches an ETag (weak comparison, as RFC 9110 asks for it). */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare);
}

// One render per content version and paper size per process. The promise is
// stored, so concurrent first downloads share one render. Every instance
// renders the same bytes for the same key, so this cache needs no sharing.
const renders = new Map<string, Promise<Uint8Array>>();

/** The guide PDF for a paper size: rendered once, then served from memory. */
export async function getGuidePdf(paper: GuidePaper): Promise<{
  bytes: Uint8Array;
  etag: string;
  filename: string;
}> {
  const document = getGuide();
  const etag = guidePdfEtag({ contentVersion: document.version, paper });
  let render = renders.get(etag);
  if (!render) {
    render = renderPdf({ kind: 'guide', paper: GUIDE_PAPERS[paper] });
    renders.set(etag, render);
    // A failed render is not cached: the next request tries again.
    render.catch(() => renders.delete(etag));
  }
  return {
    bytes: await render,
    etag,
    filename: `${document.id}-${document.version}-${paper}.pdf`,
  };
}

/** How many guide renders this process holds (for tests and diagnostics). */
export function cachedGuideRenders(): number {
  return renders.size;
}
