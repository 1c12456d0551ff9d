import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import compression from 'compression';
import express from 'express';
import type { Express, RequestHandler } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { bodyLimitFor, limitRequestBodies } from './body-limit';
import { clientErrorHandler, refuseClientMistakes } from './client-errors';
import { logSafePath } from './log-safe-path';
import { isAllowedOrigin } from './same-origin';

/** How to assemble the portal's Express app (see server.ts). */
export interface CreateAppOptions {
  /** Handles every request the middleware lets through (the Remix handler). */
  handler: RequestHandler;
  logger: Logger;
  /** Express `trust proxy` value (parseTrustProxy(TRUST_PROXY)). */
  trustProxy: boolean | number | string;
  /** Strict CSP; relaxed in development for Vite's hot reload. */
  production: boolean;
  /** Mounts static file serving (built client assets or Vite's dev middleware) before the handler. */
  mountStatic?: (app: Express) => void;
  /**
   * Mounts hot routes served without Remix's routing (see direct-loader.ts),
   * after logging, security headers and the origin check, before compression and static files.
   */
  mountDirect?: (app: Express) => void;
  /**
   * The per-process access cache the load context hands to loaders: every
   * mutating request (not GET/HEAD/OPTIONS) clears it when it starts and when
   * its response closes, so a change made here is seen by this process's next request.
   */
  accessCache?: { beginWrite(): () => void };
  /** The largest request body per path (default bodyLimitFor: forms small, uploads their limit). */
  bodyLimitFor?: (path: string) => number;
}

const READ_ONLY_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const NONCE_BYTES = 16;
const NONCES_PER_FILL = 256;

/**
 * Per-response CSP nonces: 16 bytes from the system's CSPRNG, base64. Bytes
 * are drawn 4 KiB at a time and each byte is used once (as crypto.randomUUID
 * does), which saves a system call per request on hot routes.
 */
export function nonceSource(): () => string {
  let pool = Buffer.alloc(0);
  let offset = 0;
  return () => {
    if (offset + NONCE_BYTES > pool.length) {
      pool = randomBytes(NONCE_BYTES * NONCES_PER_FILL);
      offset = 0;
    }
    const nonce = pool.toString('base64', offset, offset + NONCE_BYTES);
    offset += NONCE_BYTES;
    return nonce;
  };
}

/** The CSP nonce generated for this response (set by the first middleware). */
export function cspNonceOf(res: { locals: Record<string, unknown> }): string {
  const nonce = res.locals.cspNonce;
  return typeof nonce === 'string' ? nonce : '';
}

/**
 * The middleware stack: request logging without personal data, security
 * headers with a per-request CSP nonce, the same-origin check on every
 * mutation, the request-body limit, the direct routes, compression, then
 * static files and the app (which reads bodies through `limitedBodyOf`).
 */
export function createApp(options: CreateAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // Remix reads the URL itself; Express only needs flat query strings (node:querystring).
  app.set('query parser', 'simple');
  app.set('trust proxy', options.trustProxy);

  app.use(
    pinoHttp({
      logger: options.logger,
      genReqId: () => randomUUID(),
      quietReqLogger: true,
      wrapSerializers: false,
      // Only method, path (query stripped, tokens masked), status and duration.
      // Never headers, cookies, bodies or query strings.
      serializers: {
        req: (req: IncomingMessage) => ({ method: req.method, path: logSafePath(req.url) }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
        err: (err: Error & { code?: unknown }) => ({
          type: err.name,
          code: typeof err.code === 'string' ? err.code : undefined,
        }),
      },
      // A client's mistake (4xx) is not a server error: only 5xx log at error level.
      customLogLevel: (_req, res) => (res.statusCode >= 500 ? 'error' : 'info'),
      customSuccessMessage: (req, res) => `${req.method} ${logSafePath(req.url)} ${res.statusCode}`,
      customErrorMessage: (req, res) => `${req.method} ${logSafePath(req.url)} ${res.statusCode}`,
    }),
  );

  const nextNonce = nonceSource();
  app.use((_req, res, next) => {
    res.locals.cspNonce = nextNonce();
    next();
  });

  const nonce = (_req: IncomingMessage, res: ServerResponse) =>
    `'nonce-${cspNonceOf(res as express.Response)}'`;
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: options.production
          ? {
              defaultSrc: ["'self'"],
              scriptSrc: ["'self'", nonce],
              styleSrc: ["'self'"],
              imgSrc: ["'self'", 'data:'],
              fontSrc: ["'self'"],
              connectSrc: ["'self'"],
              objectSrc: ["'none'"],
              baseUri: ["'self'"],
              formAction: ["'self'"],
              frameAncestors: ["'none'"],
            }
          : {
              defaultSrc: ["'self'"],
              scriptSrc: ["'self'", "'unsafe-inline'"],
              styleSrc: ["'self'", "'unsafe-inline'"],
              imgSrc: ["'self'", 'data:'],
              connectSrc: ["'self'", 'ws:'],
              objectSrc: ["'none'"],
              baseUri: ["'self'"],
              frameAncestors: ["'none'"],
            },
      },
      // HSTS only over TLS; set below.
      strictTransportSecurity: false,
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      crossOriginEmbedderPolicy: false,
      xFrameOptions: { action: 'deny' },
    }),
  );
  app.use((req, res, next) => {
    // req.secure honours X-Forwarded-Proto only when trust proxy allows it.
    if (req.secure) {
      res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    }
    next();
  });

  app.use((req, res, next) => {
    // Behind a trusted proxy the public host is in X-Forwarded-Host (if the proxy sets it).
    const forwardedHost =
      options.trustProxy !== false ? req.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
    const expectedOrigin = `${req.protocol}://${forwardedHost || req.get('host') || ''}`;
    const allowed = isAllowedOrigin({
      method: req.method,
      origin: req.get('origin'),
      secFetchSite: req.get('sec-fetch-site'),
      expectedOrigin,
    });
    if (allowed) return next();
    res.status(403).type('text/plain').send('Forbidden: this request did not come from this site.');
  });

  // ?_data= probes and non-form bodies: 400/415 before Remix (server/client-errors.ts).
  app.use(refuseClientMistakes());

  // Before anything reads a body: 413 over the route's limit (server/body-limit.ts).
  app.use(limitRequestBodies(options.bodyLimitFor ?? bodyLimitFor));

  // After the origin check: a refused cross-site POST changes nothing, so it
  // need not clear the access cache (and cannot be used to keep it empty).
  const { accessCache } = options;
  if (accessCache) {
    app.use((req, res, next) => {
      if (!READ_ONLY_METHODS.has(req.method)) res.once('close', accessCache.beginWrite());
      next();
    });
  }

  // Hot direct routes answer with PDFs and ZIPs, which are not worth compressing.
  options.mountDirect?.(app);
  // zlib level 3: about half the CPU of the default 6 for pages 5-10 % larger,
  // which matters more on a small server than the bytes do.
  app.use(compression({ level: 3 }));
  options.mountStatic?.(app);
  app.all('*', options.handler);
  app.use(clientErrorHandler());
  return app;
}
