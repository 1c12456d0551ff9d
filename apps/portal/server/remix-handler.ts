import type { AppLoadContext, ServerBuild } from '@remix-run/node';
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  writeReadableStreamToWritable,
} from '@remix-run/node';
import type {
  Request as ExpressRequest,
  RequestHandler,
  Response as ExpressResponse,
} from 'express';
import { limitedBodyOf } from './body-limit';

/** What the Remix handler needs (the same options as @remix-run/express's createRequestHandler). */
export interface RemixHandlerOptions {
  build: ServerBuild | (() => ServerBuild | Promise<ServerBuild>);
  mode?: string;
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
}

function remixHeaders(req: ExpressRequest): Headers {
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (values === undefined) continue;
    for (const value of Array.isArray(values) ? values : [values]) headers.append(key, value);
  }
  return headers;
}

async function sendResponse(res: ExpressResponse, response: globalThis.Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (response.headers.get('Content-Type')?.match(/text\/event-stream/i)) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/**
 * The Fetch API request Remix sees, as @remix-run/express 2.17 builds it, except
 * that the body is the size-limited stream from server/body-limit.ts (never
 * `req` itself) and the request is aborted when that limit cuts the body off.
 */
function remixRequest(req: ExpressRequest, res: ExpressResponse): globalThis.Request {
  const forwardedPort = req.get('X-Forwarded-Host')?.split(':')[1];
  const hostPort = req.get('host')?.split(':')[1];
  const port = [forwardedPort, hostPort]
    .map((value) => Number.parseInt(value ?? '', 10))
    .find((value) => Number.isSafeInteger(value));
  // req.hostname honours the trust proxy setting.
  const url = new URL(
    `${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${req.originalUrl}`,
  );
  const controller = new AbortController();
  // Aborted once no response can be written any more (closed before finishing).
  let finished = false;
  res.on('finish', () => {
    finished = true;
  });
  res.on('close', () => {
    if (!finished) controller.abort();
  });
  const init: RequestInit & { duplex?: 'half' } = {
    method: req.method,
    headers: remixHeaders(req),
    signal: controller.signal,
  };
  const body = limitedBodyOf(res);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    if (!body) throw new Error('limitRequestBodies() must run before the Remix handler');
    init.body = createReadableStreamFromReadable(body.stream);
    init.duplex = 'half';
    init.signal = AbortSignal.any([controller.signal, body.signal]);
  }
  return new Request(url.href, init);
}

/**
 * Remix's Express handler (@remix-run/express's createRequestHandler, which
 * reads bodies straight from `req`), reading request bodies only through the body
 * limit. When the limit has already answered 413, whatever Remix returns is
 * dropped instead of being written over it.
 */
export function createRemixHandler({
  build,
  mode,
  getLoadContext,
}: RemixHandlerOptions): RequestHandler {
  const handleRequest = createRequestHandler(build, mode);
  return async (req, res, next) => {
    try {
      const request = remixRequest(req, res);
      const response = await handleRequest(request, getLoadContext(req, res));
      if (res.headersSent) {
        await response.body?.cancel();
        return;
      }
      await sendResponse(res, response);
    } catch (error) {
      if (res.headersSent) return;
      next(error);
    }
  };
}
