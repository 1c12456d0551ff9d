import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { RenderWarning } from '../text/prepare-text.js';

/** A finished render kept for repeats. */
export interface CachedRender {
  bytes: Uint8Array;
  warnings: RenderWarning[];
}

/** Most bytes of PDF the render cache holds before evicting the least recently used. */
export const RENDER_CACHE_MAX_BYTES = 64 * 1024 * 1024;

const cache = new LRUCache<string, CachedRender>({
  max: 256,
  maxSize: RENDER_CACHE_MAX_BYTES,
  sizeCalculation: (entry) => Math.max(1, entry.bytes.byteLength),
});

/**
 * A content address for a render: SHA-256 over the parts that decide the
 * output (document id, version and locale, brand kit including logo bytes,
 * options). Byte arrays are hashed as bytes, not as JSON.
 */
export function renderKey(parts: unknown[]): string {
  const hash = createHash('sha256');
  const feed = (value: unknown): void => {
    if (value instanceof Uint8Array) {
      hash.update(`bytes:${value.byteLength}:`);
      hash.update(value);
    } else if (value instanceof Date) {
      hash.update(`date:${value.toISOString()}`);
    } else if (Array.isArray(value)) {
      hash.update('[');
      for (const item of value) feed(item);
      hash.update(']');
    } else if (value && typeof value === 'object') {
      hash.update('{');
      for (const key of Object.keys(value).sort()) {
        hash.update(`${JSON.stringify(key)}:`);
        feed((value as Record<string, unknown>)[key]);
      }
      hash.update('}');
    } else {
      hash.update(`${typeof value}:${JSON.stringify(value) ?? ''};`);
    }
  };
  for (const part of parts) feed(part);
  return hash.digest('hex');
}

/** Looks a render up by key; a hit refreshes its place in the LRU. */
export function cachedRender(key: string): CachedRender | undefined {
  return cache.get(key);
}

/** Stores a finished render. */
export function storeRender(key: string, entry: CachedRender): void {
  cache.set(key, entry);
}

/** Empties the render cache (for tests and long-running servers that want memory back). */
export function clearRenderCache(): void {
  cache.clear();
}

/** How many renders and bytes the cache holds now. */
export function renderCacheStats(): { entries: number; bytes: number } {
  return { entries: cache.size, bytes: cache.calculatedSize };
}
