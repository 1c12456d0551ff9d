import type { LoaderFunctionArgs } from '@remix-run/node';
import { answerRenderFailure } from '../lib/documents/pdf-renderer.server';
import {
  getGuidePdf,
  guidePdfEtag,
  ifNoneMatchHits,
  isGuidePaper,
} from '../lib/documents/guide-pdf.server';
import { getGuide } from '../lib/documents/guide.server';

// Browsers and proxies may keep it a day, then revalidate with If-None-Match.
const CACHE_CONTROL = 'public, max-age=86400';

/**
 * GET /guide/download?paper=letter|a4 — the Psychedelic Basics guide as PDF,
 * with a strong ETag and 304 on If-None-Match.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const paper = (new URL(request.url).searchParams.get('paper') ?? 'letter').toLowerCase();
  if (!isGuidePaper(paper)) {
    return new Response('Unknown paper size: use ?paper=letter or ?paper=a4.', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  const etag = guidePdfEtag({ contentVersion: getGuide().version, paper });
  if (ifNoneMatchHits(request.headers.get('If-None-Match'), etag)) {
    return new Response(null, {
      status: 304,
      headers: { ETag: etag, 'Cache-Control': CACHE_CONTROL },
    });
  }
  const pdf = await answerRenderFailure(getGuidePdf(paper));
  return new Response(new Uint8Array(pdf.bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Length': String(pdf.bytes.byteLength),
      'Content-Disposition': `attachment; filename="${pdf.filename}"`,
      ETag: pdf.etag,
      'Cache-Control': CACHE_CONTROL,
    },
  });
}
