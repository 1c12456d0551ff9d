import { ifNoneMatchMatches } from './pdf-cache.server';

/** `attachment; filename=…` with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * A cacheable file response with a strong ETag: 304 when the browser already
 * has these bytes. `private, no-cache` makes browsers revalidate each time
 * (cheap, thanks to the ETag) and keeps shared caches out.
 */
export function cachedFileResponse(
  request: Request,
  file: { bytes: Uint8Array; etag: string; contentType: string; disposition?: string },
): Response {
  const headers = new Headers({
    ETag: file.etag,
    'Cache-Control': 'private, no-cache',
    Vary: 'Cookie',
  });
  if (ifNoneMatchMatches(request.headers.get('If-None-Match'), file.etag)) {
    return new Response(null, { status: 304, headers });
  }
  headers.set('Content-Type', file.contentType);
  headers.set('Content-Length', String(file.bytes.byteLength));
  if (file.disposition) headers.set('Content-Disposition', file.disposition);
  return new Response(new Uint8Array(file.bytes), { status: 200, headers });
}

/**
 * A response that must never be kept anywhere: it may carry patient details.
 * No ETag, `Cache-Control: no-store`.
 */
export function uncachedFileResponse(file: {
  bytes: Uint8Array;
  contentType: string;
  disposition?: string;
}): Response {
  const headers = new Headers({
    'Content-Type': file.contentType,
    'Content-Length': String(file.bytes.byteLength),
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
  });
  if (file.disposition) headers.set('Content-Disposition', file.disposition);
  return new Response(new Uint8Array(file.bytes), { status: 200, headers });
}

/** A plain-text 400 naming what was wrong with the request. */
export function badRequest(message: string): Response {
  return new Response(message, {
    status: 400,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/** Turns zod issues into one line per field: `locale: must be en or es`. */
export function describeProblems(
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>,
): string {
  return issues
    .map((issue) => `${issue.path.map(String).join('.') || 'request'}: ${issue.message}`)
    .join('\n');
}
