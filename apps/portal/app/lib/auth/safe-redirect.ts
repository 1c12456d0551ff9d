// A made-up origin to resolve against: whatever resolves to another origin is not a local path.
const BASE = new URL('https://portal.invalid');

/**
 * Where to send someone after signing in: a path on this site only, never
 * another site. Decided by the URL parser, as a browser would read the
 * Location header (`//evil`, `/\evil` and `/\t/evil` all lead elsewhere), and
 * refusing control characters outright (browsers drop tabs and newlines;
 * CR/LF must never reach a header). Returns the parsed path, query and hash,
 * or `fallback`.
 */
export function safeRedirectPath(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE.origin) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
