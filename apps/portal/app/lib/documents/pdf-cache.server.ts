import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/** What a cached PDF is keyed by: change any part and it is a different file. */
export interface PdfCacheKey {
  /** The brand-kit version row the PDF was made with (a new version means a new key). */
  brandKitVersionId: string;
  /** Document id in @groundwork/content, e.g. `handout/preparing-for-your-session`. */
  documentId: string;
  /** The document's own version, e.g. `1.2.0`. */
  documentVersion: string;
  locale: string;
  paper: string;
}

/** A PDF held in the cache with its strong entity tag. */
export interface CachedPdf {
  bytes: Uint8Array;
  /** Strong ETag, quoted: `"sha256-…"`. */
  etag: string;
}

/** The cache key as one string. */
export function pdfCacheKey(key: PdfCacheKey): string {
  return [key.brandKitVersionId, key.documentId, key.documentVersion, key.locale, key.paper]
    .map(encodeURIComponent)
    .join('|');
}

/** A strong ETag computed from the bytes themselves, so equal bytes always share a tag. */
export function strongEtag(bytes: Uint8Array): string {
  return `"sha256-${createHash('sha256').update(bytes).digest('base64url')}"`;
}

/**
 * Whether an `If-None-Match` header matches `etag` (RFC 9110 §13.1.2: weak
 * comparison, a list of tags, or `*`).
 */
export function ifNoneMatchMatches(header: string | null | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return header.split(',').some((candidate) => opaque(candidate) === wanted);
}

/** Options for {@link PdfCache}. */
export interface PdfCacheOptions {
  /** Total bytes the cache may hold before it evicts the least recently used PDFs. */
  maxBytes?: number;
  /** Most PDFs held, whatever their size. */
  maxEntries?: number;
}

/**
 * A bounded in-memory cache of rendered PDFs. Concurrent requests for the same
 * key share one render. Never put a PDF holding patient details in it.
 */
export class PdfCache {
  readonly #entries: LRUCache<string, CachedPdf>;
  readonly #inFlight = new Map<string, Promise<CachedPdf>>();
  #hits = 0;
  #misses = 0;

  constructor(options: PdfCacheOptions = {}) {
    const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.#entries = new LRUCache<string, CachedPdf>({
      max: options.maxEntries ?? 500,
      maxSize: maxBytes,
      sizeCalculation: (entry) => Math.max(1, entry.bytes.byteLength),
    });
  }

  /** Returns the cached PDF for `key`, rendering and storing it on a miss. */
  async getOrRender(key: PdfCacheKey, render: () => Promise<Uint8Array>): Promise<CachedPdf> {
    const id = pdfCacheKey(key);
    const cached = this.#entries.get(id);
    if (cached) {
      this.#hits += 1;
      return cached;
    }
    const pending = this.#inFlight.get(id);
    if (pending) {
      this.#hits += 1;
      return pending;
    }
    this.#misses += 1;
    const rendering = render()
      .then((bytes) => {
        const entry = { bytes, etag: strongEtag(bytes) };
        this.#entries.set(id, entry);
        return entry;
      })
      .finally(() => this.#inFlight.delete(id));
    this.#inFlight.set(id, rendering);
    return rendering;
  }

  /** Returns the cached PDF for `key` if present, without rendering. */
  peek(key: PdfCacheKey): CachedPdf | undefined {
    return this.#entries.get(pdfCacheKey(key));
  }

  /** Counts and size, for tests and the benchmark. */
  stats(): { entries: number; bytes: number; hits: number; misses: number } {
    return {
      entries: this.#entries.size,
      bytes: this.#entries.calculatedSize,
      hits: this.#hits,
      misses: this.#misses,
    };
  }

  /** Drops everything (tests). */
  clear(): void {
    this.#entries.clear();
  }
}
