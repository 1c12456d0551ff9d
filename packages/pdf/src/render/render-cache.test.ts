import {
  createRenderCache,
  type RenderCache,
  renderConsent,
  renderHandout,
  renderHandoutStream,
} from '@groundwork/pdf';
import { beforeEach, describe, expect, it } from 'vitest';
import { riverside } from '../../test/fixtures.js';

const document = 'what-happens-during-a-session';

describe('render cache', () => {
  let cache: RenderCache;
  beforeEach(() => {
    cache = createRenderCache();
  });

  it('is opt-in: without a cache every call renders anew', async () => {
    const first = await renderHandout({ document, brandKit: riverside });
    const again = await renderHandout({ document, brandKit: riverside });
    expect(again).not.toBe(first);
    expect(again.byteLength).toBe(first.byteLength);
  });

  it('returns the same PDF for the same document, brand kit and options', async () => {
    const first = await renderHandout({ document, brandKit: riverside, cache });
    const again = await renderHandout({ document, brandKit: { ...riverside }, cache });
    expect(again).toBe(first);
    expect(cache.stats().entries).toBe(1);
  });

  it('renders again when the brand kit or an option changes', async () => {
    const first = await renderHandout({ document, brandKit: riverside, cache });
    const otherColour = await renderHandout({
      document,
      brandKit: { ...riverside, colours: { primary: '#7A1F5C', accent: '#2E7D6B' } },
      cache,
    });
    const a4 = await renderHandout({ document, brandKit: riverside, paper: 'A4', cache });
    expect(otherColour).not.toBe(first);
    expect(a4).not.toBe(first);
    expect(cache.stats().entries).toBe(3);
  });

  it('keeps separate caches apart and empties on clear', async () => {
    const other = createRenderCache();
    await renderHandout({ document, brandKit: riverside, cache });
    expect(other.stats().entries).toBe(0);
    cache.clear();
    expect(cache.stats()).toEqual({ entries: 0, bytes: 0 });
  });

  it('never keeps a consent form with patient details', async () => {
    await renderConsent({
      document: 'informed-consent',
      brandKit: riverside,
      routes: ['iv'],
      patientName: 'Ana Núñez',
      cache,
    });
    expect(cache.stats().entries).toBe(0);
  });

  it('evicts the least recently used render beyond its byte ceiling', async () => {
    const small = createRenderCache({ maxBytes: 1 });
    await renderHandout({ document, brandKit: riverside, cache: small });
    expect(small.stats().entries).toBeLessThanOrEqual(1);
    const tiny = createRenderCache({ maxEntries: 1 });
    await renderHandout({ document, brandKit: riverside, cache: tiny });
    await renderHandout({ document, brandKit: riverside, paper: 'A4', cache: tiny });
    expect(tiny.stats().entries).toBe(1);
  });
});

describe('stream variants', () => {
  it('stream the same bytes as the plain render, for a web Response', async () => {
    // The same cache on both, so both are the one render (a fresh render differs in its /ID).
    const cache = createRenderCache();
    const bytes = await renderHandout({ document, brandKit: riverside, cache });
    const stream = await renderHandoutStream({ document, brandKit: riverside, cache });
    const streamed = new Uint8Array(await new Response(stream).arrayBuffer());
    expect(streamed).toEqual(bytes);
  });
});
