import { describe, expect, it } from 'vitest';
import { type PdfCacheKey, PdfCache, ifNoneMatchMatches, strongEtag } from './pdf-cache.server';

const key: PdfCacheKey = {
  brandKitVersionId: 'kit-v1',
  documentId: 'handout/preparing-for-your-session',
  documentVersion: '1.0.0',
  locale: 'es',
  paper: 'A4',
};

function counter(bytesFor: (call: number) => Uint8Array = (call) => new Uint8Array([call])) {
  let calls = 0;
  const render = async () => {
    calls += 1;
    return bytesFor(calls);
  };
  return { render, calls: () => calls };
}

describe('PdfCache', () => {
  it('renders once per key and serves the same bytes and ETag afterwards', async () => {
    const cache = new PdfCache();
    const renderer = counter();
    const first = await cache.getOrRender(key, renderer.render);
    const second = await cache.getOrRender(key, renderer.render);
    expect(renderer.calls()).toBe(1);
    expect(second.bytes).toBe(first.bytes);
    expect(second.etag).toBe(first.etag);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, entries: 1 });
  });

  it('treats a new brand-kit version, document version, locale or paper as a new file', async () => {
    const cache = new PdfCache();
    const renderer = counter();
    await cache.getOrRender(key, renderer.render);
    await cache.getOrRender({ ...key, brandKitVersionId: 'kit-v2' }, renderer.render);
    await cache.getOrRender({ ...key, documentVersion: '1.1.0' }, renderer.render);
    await cache.getOrRender({ ...key, locale: 'en' }, renderer.render);
    await cache.getOrRender({ ...key, paper: 'LETTER' }, renderer.render);
    expect(renderer.calls()).toBe(5);
  });

  it('shares one render between concurrent requests for the same key', async () => {
    const cache = new PdfCache();
    const renderer = counter();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => cache.getOrRender(key, renderer.render)),
    );
    expect(renderer.calls()).toBe(1);
    expect(new Set(results.map((result) => result.etag)).size).toBe(1);
  });

  it('does not cache a failed render', async () => {
    const cache = new PdfCache();
    await expect(
      cache.getOrRender(key, async () => {
        throw new Error('renderer broke');
      }),
    ).rejects.toThrow('renderer broke');
    expect(cache.peek(key)).toBeUndefined();
    const renderer = counter();
    await cache.getOrRender(key, renderer.render);
    expect(renderer.calls()).toBe(1);
  });

  it('stays within its byte budget by evicting the least recently used PDF', async () => {
    const cache = new PdfCache({ maxBytes: 250 });
    const hundredBytes = async () => new Uint8Array(100);
    await cache.getOrRender({ ...key, locale: 'a' }, hundredBytes);
    await cache.getOrRender({ ...key, locale: 'b' }, hundredBytes);
    await cache.getOrRender({ ...key, locale: 'c' }, hundredBytes);
    expect(cache.stats().bytes).toBeLessThanOrEqual(250);
    expect(cache.peek({ ...key, locale: 'a' })).toBeUndefined();
    expect(cache.peek({ ...key, locale: 'c' })).toBeDefined();
  });
});

describe('strongEtag', () => {
  it('is quoted, not weak, and depends on the bytes', () => {
    const tag = strongEtag(new Uint8Array([1, 2, 3]));
    expect(tag).toMatch(/^"sha256-[\w-]+"$/);
    expect(strongEtag(new Uint8Array([1, 2, 3]))).toBe(tag);
    expect(strongEtag(new Uint8Array([1, 2, 4]))).not.toBe(tag);
  });
});

describe('ifNoneMatchMatches', () => {
  const tag = '"sha256-abc"';
  it.each([
    [tag, true],
    [`"other", ${tag}`, true],
    [`W/${tag}`, true],
    ['*', true],
    ['"sha256-abd"', false],
    ['', false],
    [null, false],
  ])('If-None-Match %s → %s', (header, expected) => {
    expect(ifNoneMatchMatches(header, tag)).toBe(expected);
  });
});
