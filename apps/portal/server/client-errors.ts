import type { ErrorRequestHandler, RequestHandler } from 'express';

/** Body types the portal's forms send; anything else cannot be a form post from this site. */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

function hasBody(headers: { 'content-length'?: string; 'transfer-encoding'?: string }) {
  return (
    headers['transfer-encoding'] !== undefined ||
    (headers['content-length'] !== undefined && headers['content-length'] !== '0')
  );
}

/**
 * Refuses requests no page of the portal makes, before Remix sees them:
 * `?_data=` (Remix's pre-single-fetch data requests, which Remix would log
 * as an error and answer for any route id) gets 400, and a body that is not
 * a form (JSON, text, ...) gets 415. Both are the client's mistake, logged at
 * info like any other 4xx.
 */
export function refuseClientMistakes(): RequestHandler {
  return (req, res, next) => {
    const query = req.originalUrl.split('?', 2)[1];
    if (query !== undefined && new URLSearchParams(query).has('_data')) {
      res
        .status(400)
        .type('text/plain')
        .send('Bad request: this site does not answer ?_data= requests.');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD' && hasBody(req.headers)) {
      const type = (req.get('content-type') ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
      if (!FORM_TYPES.includes(type)) {
        res.setHeader('Connection', 'close');
        res
          .status(415)
          .type('text/plain')
          .send(
            `Unsupported body: this site accepts form posts (${FORM_TYPES.join(' or ')}), not "${type || 'no content type'}".`,
          );
        return;
      }
    }
    next();
  };
}

/**
 * The last error handler: a client error Express or its middleware raised
 * (a malformed percent-encoding in the path, say, with `status` 400) gets its
 * status and a one-line answer, and is logged at info by the request logger,
 * not as a stack trace on stderr. Anything else is a 500.
 */
export function clientErrorHandler(): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status =
      typeof error === 'object' && error !== null
        ? Number(
            (error as { status?: unknown; statusCode?: unknown }).status ??
              (error as { statusCode?: unknown }).statusCode,
          )
        : Number.NaN;
    if (status >= 400 && status < 500) {
      res.status(status).type('text/plain').send(`Bad request (HTTP ${status}).`);
      return;
    }
    // Handed to pino-http, which logs the type at error level; never the message.
    res.err = error instanceof Error ? error : new Error('Unknown error');
    res.status(500).type('text/plain').send('Something went wrong on our side. Please try again.');
  };
}
