import type { AppLoadContext } from '@remix-run/node';
import type {
  Request as ExpressRequest,
  Response as ExpressResponse,
  RequestHandler,
} from 'express';

/** A Remix resource-route loader, as the route module exports it. */
export type ResourceLoader = (args: {
  request: Request;
  params: Record<string, string | undefined>;
  context: AppLoadContext;
}) => Promise<Response>;

/** What {@link directLoader} needs: the route's own loader and the app's load context. */
export interface DirectLoaderOptions {
  /** The route module's `loader` (from the Remix build, so it shares the build's caches). */
  loader: ResourceLoader;
  /** The same function the Remix request handler uses. */
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
  /** Called with an unexpected error (not a thrown Response) before answering 500. */
  onError?: (error: unknown) => void;
}

/**
 * Serves GET requests for one resource route by calling its Remix loader
 * directly, skipping Remix's route matching and response streaming. The
 * loader is the very same function Remix would call (a resource route runs
 * no parent loaders), so sign-in, practice membership and role checks are
 * unchanged. Mount it on the route's path, e.g.
 * `app.get('/practices/:practiceId/documents/handout', directLoader(...))`.
 * Other methods go on to the next handler (Remix).
 */
export function directLoader(options: DirectLoaderOptions): RequestHandler {
  return async (req, res, next) => {
    if (req.method !== 'GET') return next();
    let response: Response;
    try {
      response = await options.loader({
        request: fetchRequest(req),
        params: req.params,
        context: options.getLoadContext(req, res),
      });
    } catch (thrown) {
      // Redirects, 403s and 404s are thrown as Responses, exactly as in Remix.
      if (!(thrown instanceof Response)) {
        options.onError?.(thrown);
        res.status(500).type('text/plain').send('Unexpected Server Error');
        return;
      }
      response = thrown;
    }
    try {
      await sendResponse(res, response);
    } catch (error) {
      options.onError?.(error);
      if (!res.headersSent) res.status(500).type('text/plain').send('Unexpected Server Error');
      else res.destroy();
    }
  };
}

function headersOf(req: ExpressRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value) headers.set(name, value);
  }
  return headers;
}

/** The fetch Request Remix's Express adapter would build for this GET (same URL and headers). */
function fetchRequest(req: ExpressRequest): Request {
  // As in @remix-run/express: req.hostname honours trust proxy; the port comes from the host header.
  const portOf = (host: string | undefined) => Number.parseInt(host?.split(':')[1] ?? '', 10);
  const forwardedPort = portOf(req.get('X-Forwarded-Host'));
  const hostPort = portOf(req.get('host'));
  const port = Number.isSafeInteger(forwardedPort)
    ? forwardedPort
    : Number.isSafeInteger(hostPort)
      ? hostPort
      : undefined;
  const url = `${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${req.originalUrl}`;
  // No abort signal: these loaders answer from memory or a shared render that
  // other requests may be waiting for, so a client leaving cancels nothing.
  return new Request(url, { method: 'GET', headers: headersOf(req) });
}

/** Writes a fetch Response in one piece (resource responses here are small and in memory). */
async function sendResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.status(response.status);
  if (response.statusText) res.statusMessage = response.statusText;
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue;
    res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('Set-Cookie', cookies);
  if (!response.body) {
    res.end();
    return;
  }
  res.end(Buffer.from(await response.arrayBuffer()));
}
