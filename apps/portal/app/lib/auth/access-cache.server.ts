import { LRUCache } from 'lru-cache';

/** How long one process reuses an access check for safe (GET/HEAD) requests. */
export const ACCESS_CACHE_TTL_MS = 1000;

/** Most access checks one process remembers. */
export const ACCESS_CACHE_MAX_ENTRIES = 5000;

/** Most characters of keys (practice id + Cookie header) one process holds, about 4 MB. */
export const ACCESS_CACHE_MAX_KEY_CHARS = 2_000_000;

/**
 * A short-lived, per-process memory of access checks (session + membership),
 * so hot GETs such as cached handout downloads skip the database. Safe by
 * construction for one process:
 *
 * - Only safe requests (GET/HEAD) read or fill it; actions always query.
 * - Every mutating request served by this process clears it when it starts
 *   and again when its response closes (`beginWrite`), so after a log-out,
 *   a removed member or a changed role, this process's next request checks
 *   the database again.
 * - A check that was in flight while a write began is never stored
 *   (generation counter), so a slow read cannot put an old answer back.
 *
 * Across processes (several servers on one PostgreSQL database) another
 * process may answer from its memory for up to {@link ACCESS_CACHE_TTL_MS}
 * after a change; see docs/decisions/0004-access-check-cache.md.
 */
export class AccessCache<T extends object> {
  readonly #entries: LRUCache<string, T>;
  #generation = 0;
  #writesInFlight = 0;

  constructor({
    ttlMs = ACCESS_CACHE_TTL_MS,
    maxEntries = ACCESS_CACHE_MAX_ENTRIES,
  }: { ttlMs?: number; maxEntries?: number } = {}) {
    if (!(ttlMs > 0)) throw new RangeError(`ttlMs must be a positive number of milliseconds`);
    if (!(Number.isInteger(maxEntries) && maxEntries > 0)) {
      throw new RangeError(`maxEntries must be a positive integer`);
    }
    this.#entries = new LRUCache({
      max: maxEntries,
      ttl: ttlMs,
      ttlAutopurge: false,
      // Keys hold the raw Cookie header (up to ~16 KB): bound the total too.
      maxSize: ACCESS_CACHE_MAX_KEY_CHARS,
      sizeCalculation: (_value, key) => key.length + 1,
    });
  }

  /** Entries held now (expired ones may linger until they are next read). */
  get size(): number {
    return this.#entries.size;
  }

  /** A remembered check for `key`, or undefined. */
  get(key: string): T | undefined {
    return this.#entries.get(key);
  }

  /**
   * A token to pass to {@link set} after querying: the answer is only stored
   * if no write started or ended in between. Undefined while a write is in flight.
   */
  ticket(): number | undefined {
    return this.#writesInFlight > 0 ? undefined : this.#generation;
  }

  /** Remembers `value` for `key` if nothing was written since `ticket` was taken. */
  set(key: string, value: T, ticket: number | undefined): void {
    if (ticket === undefined || ticket !== this.#generation || this.#writesInFlight > 0) return;
    this.#entries.set(key, value);
  }

  /**
   * Marks the start of a mutating request: forgets everything now, and again
   * when the returned function is called (once, when the response closes).
   */
  beginWrite(): () => void {
    this.#writesInFlight += 1;
    this.#invalidate();
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.#writesInFlight -= 1;
      this.#invalidate();
    };
  }

  /** Forgets every remembered check. */
  clear(): void {
    this.#invalidate();
  }

  #invalidate(): void {
    this.#generation += 1;
    this.#entries.clear();
  }
}
