import { PassThrough, type Readable } from 'node:stream';
import type { Request, RequestHandler, Response } from 'express';
import { BRAND_FORM_MAX_BYTES } from '../app/lib/documents/upload-limits';

/** Largest form post (every route without an upload): far above any form's longest valid values. */
export const FORM_BODY_MAX_BYTES = 256 * 1024;

// Routes that take a file upload, with their limit. `.data` is Remix's
// client-side form submission to the same route.
const UPLOAD_ROUTES: Array<{ path: RegExp; maxBytes: number }> = [
  { path: /^\/practices\/[^/]+\/brand(\.data)?\/?$/, maxBytes: BRAND_FORM_MAX_BYTES },
];

/** The largest request body accepted on `path`: the upload limit on upload routes, else the form limit. */
export function bodyLimitFor(path: string): number {
  return UPLOAD_ROUTES.find((route) => route.path.test(path))?.maxBytes ?? FORM_BODY_MAX_BYTES;
}

/** What the body limit hands the app handler: the request body, cut at the limit. */
export interface LimitedBody {
  /** The body as it arrives, never more than the limit. */
  stream: Readable;
  /** Aborted when the body went over the limit (the 413 has been sent). */
  signal: AbortSignal;
  /** Bytes passed on so far. */
  bytesRead: () => number;
}

/** The limited body of a request the middleware let through; undefined for GET and HEAD. */
export function limitedBodyOf(res: Response): LimitedBody | undefined {
  const body = res.locals.limitedBody;
  return body && typeof body === 'object' ? (body as LimitedBody) : undefined;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Number((bytes / (1024 * 1024)).toFixed(2))} MB`
    : `${Math.round(bytes / 1024)} KB`;
}

function refuse(req: Request, res: Response, maxBytes: number) {
  if (res.headersSent) return;
  const message = `This request is too large: this page accepts at most ${formatBytes(maxBytes)}.`;
  // The client may still be sending: close the connection instead of reading the rest.
  res.setHeader('Connection', 'close');
  res.status(413);
  if (req.accepts(['text/html', 'text/plain']) === 'text/html') {
    res
      .type('text/html')
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Request too large — Groundwork</title></head>` +
          `<body><h1>Request too large</h1><p>${message}</p>` +
          '<p>Go back, make the upload or the text smaller and try again.</p></body></html>',
      );
  } else {
    res.type('text/plain').send(message);
  }
}

/**
 * Caps every request body before anything parses it. A declared
 * Content-Length over the route's limit gets 413 without reading a byte; a
 * body without a length (chunked) is counted as it streams and cut off with
 * 413 at the first chunk that would pass the limit. Handlers read the body
 * from {@link limitedBodyOf}, never from `req`.
 */
export function limitRequestBodies(
  limitFor: (path: string) => number = bodyLimitFor,
): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    const maxBytes = limitFor(req.path);
    const declared = req.get('content-length');
    if (declared !== undefined && !(Number(declared) <= maxBytes)) {
      refuse(req, res, maxBytes);
      return;
    }
    const stream = new PassThrough();
    const controller = new AbortController();
    let bytes = 0;
    const onData = (chunk: Buffer) => {
      if (bytes + chunk.length > maxBytes) {
        req.off('data', onData);
        req.pause();
        controller.abort();
        stream.destroy(
          new Error(`The request body is larger than ${maxBytes} bytes`, { cause: 'too-large' }),
        );
        refuse(req, res, maxBytes);
        return;
      }
      bytes += chunk.length;
      // Backpressure: read from the socket only as fast as the handler consumes.
      if (!stream.write(chunk)) req.pause();
    };
    stream.on('drain', () => {
      if (!controller.signal.aborted) req.resume();
    });
    req.on('data', onData);
    req.once('end', () => stream.end());
    req.once('error', (error) => stream.destroy(error));
    res.locals.limitedBody = {
      stream,
      signal: controller.signal,
      bytesRead: () => bytes,
    } satisfies LimitedBody;
    next();
  };
}
