import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { RenderWarning } from '../text/prepare-text.js';

/** A finished render kept for repeats. */
export interface CachedRender {
  bytes: Uint8Array;
  warnings: RenderWarning[];
}

/**
 * A cache of finished renders that a caller creates and passes as the
 * `cache` option: renders with the same inputs then cost a hash and a lookup.
 * Renders with patient details are never stored.
 */
export interface RenderCache {
  /** Looks a render up by its content address; a hit refreshes its place. */
  get(key: string): CachedRender | undefined;
  /** Stores a finished render. */
  set(key: string, render: CachedRender): void;
  /** Drops every render (for servers that want memory back). */
  clear(): void;
  /** How many renders and bytes the cache holds now. */
  stats(): { entries: number; bytes: number };
}

/** Default ceiling of {@link createRenderCache}: 64 MB of PDF. */
export const RENDER_CACHE_MAX_BYTES = 64 * 1024 * 1024;

/**
 * An in-memory LRU {@link RenderCache} that holds at most `maxBytes` of PDF
 * (default 64 MB) and `maxEntries` renders (default 256).
 */
export function createRenderCache({
  maxBytes = RENDER_CACHE_MAX_BYTES,
  maxEntries = 256,
}: {
  maxBytes?: number;
  maxEntries?: number;
} = {}): RenderCache {
  const cache = new LRUCache<string, CachedRender>({
    max: maxEntries,
    maxSize: maxBytes,
    sizeCalculation: (entry) => Math.max(1, entry.bytes.byteLength),
  });
  return {
    get: (key) => cache.get(key),
    set: (key, render) => {
      cache.set(key, render);
    },
    clear: () => cache.clear(),
    stats: () => ({ entries: cache.size, bytes: cache.calculatedSize }),
  };
}

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
