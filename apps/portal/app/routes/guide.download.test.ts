import { getDocument } from '@groundwork/content';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import {
  cachedGuideRenders,
  guidePdfEtag,
  PDF_PACKAGE_VERSION,
} from '../lib/documents/guide-pdf.server';
import { getRequest, run } from '../test/requests';
import { loader } from './guide.download';

const guide = getDocument('psychedelic-basics-guide', { locale: 'en' });

async function download(path: string, headers: Record<string, string> = {}) {
  const request = new Request(getRequest(path).url, { headers });
  const response = (await loader({ request, params: {}, context: {} as never })) as Response;
  return response;
}

async function parse(response: Response) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  // pdf.js takes ownership of (detaches) the buffer it is given: give it a copy.
  const pdf = await getDocumentProxy(bytes.slice());
  const firstPage = await pdf.getPage(1);
  const [, , width, height] = firstPage.view;
  const { text } = await extractText(pdf, { mergePages: true });
  return { bytes, pages: pdf.numPages, width, height, text };
}

describe('/guide/download', () => {
  it('serves the guide as a Letter PDF with a strong ETag and caching headers', async () => {
    const response = await download('/guide/download?paper=letter');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/pdf');
    expect(response.headers.get('Content-Disposition')).toBe(
      `attachment; filename="psychedelic-basics-guide-${guide.version}-letter.pdf"`,
    );
    const etag = response.headers.get('ETag');
    expect(etag).toBe(guidePdfEtag({ contentVersion: guide.version, paper: 'letter' }));
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(response.headers.get('Cache-Control')).toMatch(/max-age=\d+/);
    const pdf = await parse(response);
    expect(new TextDecoder().decode(pdf.bytes.slice(0, 5))).toBe('%PDF-');
    expect(pdf.pages).toBeGreaterThan(5);
    expect([pdf.width, pdf.height]).toEqual([612, 792]);
    expect(pdf.text).toContain(guide.title);
    expect(pdf.text).toContain(guide.version);
  }, 180_000);

  it('renders once per content version and paper, then serves the same bytes from memory', async () => {
    const before = cachedGuideRenders();
    const first = new Uint8Array(
      await (await download('/guide/download?paper=letter')).arrayBuffer(),
    );
    const second = new Uint8Array(await (await download('/guide/download')).arrayBuffer());
    expect(cachedGuideRenders()).toBe(before);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('answers 304 with no body when If-None-Match carries the ETag', async () => {
    const etag = guidePdfEtag({ contentVersion: guide.version, paper: 'letter' });
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const response = await download('/guide/download?paper=letter', { 'If-None-Match': header });
      expect(response.status).toBe(304);
      expect(response.headers.get('ETag')).toBe(etag);
      expect(await response.text()).toBe('');
    }
    const stale = await download('/guide/download?paper=letter', { 'If-None-Match': '"stale"' });
    expect(stale.status).toBe(200);
  });

  it('serves A4 with its own ETag and page size', async () => {
    const response = await download('/guide/download?paper=A4');
    expect(response.status).toBe(200);
    expect(response.headers.get('ETag')).not.toBe(
      guidePdfEtag({ contentVersion: guide.version, paper: 'letter' }),
    );
    const pdf = await parse(response);
    expect(pdf.width).toBeCloseTo(595.28, 0);
    expect(pdf.height).toBeCloseTo(841.89, 0);
  }, 180_000);

  it('refuses an unknown paper size with a message naming the choices', async () => {
    const outcome = await run(() => download('/guide/download?paper=legal'));
    expect(outcome.status).toBe(400);
    expect(outcome.body).toContain('paper=letter');
    expect(outcome.body).toContain('paper=a4');
  });

  it('changes the ETag when the content version, paper or PDF package version changes', () => {
    const base = { contentVersion: '1.0.0', paper: 'letter' as const, pdfVersion: '1.0.0' };
    const etags = new Set([
      guidePdfEtag(base),
      guidePdfEtag({ ...base, contentVersion: '1.0.1' }),
      guidePdfEtag({ ...base, paper: 'a4' }),
      guidePdfEtag({ ...base, pdfVersion: '1.1.0' }),
    ]);
    expect(etags.size).toBe(4);
    expect(guidePdfEtag(base)).toBe(guidePdfEtag({ ...base }));
    expect(PDF_PACKAGE_VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });
});
