import { PassThrough } from 'node:stream';
import type { AppLoadContext, EntryContext } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import { guideReadingHtml } from './lib/documents/guide-html.server';
import { ServerHtmlContext } from './lib/documents/server-html';
import { NonceContext } from './lib/nonce';

const ABORT_DELAY = 5_000;

/** Renders every document request, stamping the CSP nonce on Remix's inline scripts. */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? '';
  keepOutOfCaches(responseHeaders);
  const waitForAll = isbot(request.headers.get('user-agent') ?? '');
  return new Promise((resolve, reject) => {
    const respond = () => {
      const body = new PassThrough();
      const stream = createReadableStreamFromReadable(body);
      responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
      resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <ServerHtmlContext.Provider value={SERVER_HTML}>
          <RemixServer
            context={remixContext}
            url={request.url}
            abortDelay={ABORT_DELAY}
            nonce={nonce}
          />
        </ServerHtmlContext.Provider>
      </NonceContext.Provider>,
      {
        nonce,
        // Bots get the whole page at once; browsers get the shell streamed.
        onAllReady: waitForAll ? respond : undefined,
        onShellReady: waitForAll ? undefined : respond,
        onShellError: reject,
        onError() {
          // Errors are not logged here: a message could carry form or patient data.
          responseStatusCode = 500;
        },
      },
    );
    setTimeout(abort, ABORT_DELAY + 1_000);
  });
}

/** What pages render from the server's own copies (see ServerHtmlContext). */
const SERVER_HTML = { guide: guideReadingHtml };

/**
 * Pages can show a practice's or a person's data: unless a route says
 * otherwise, no browser or proxy cache keeps them.
 */
function keepOutOfCaches(headers: Headers) {
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'private, no-store');
}

/** Client-side navigation data (`.data` requests) gets the same cache rule as pages. */
export function handleDataRequest(response: Response) {
  keepOutOfCaches(response.headers);
  return response;
}

/**
 * Unexpected loader/action/render errors. Logged as one JSON line with the
 * error's type and stack frames only: messages can carry form or patient data.
 * Aborted requests (the browser went away) are not errors.
 */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  // An unknown URL is a 404 page, not a server error; thrown responses are answers, not errors.
  if (error instanceof Error && error.message.startsWith('No route matches URL')) return;
  if (typeof error === 'object' && error !== null && 'status' in error) return;
  const type = error instanceof Error ? error.name : typeof error;
  const frames =
    error instanceof Error && error.stack
      ? error.stack
          .split('\n')
          .filter((line) => line.trimStart().startsWith('at '))
          .map((line) => line.trim())
      : [];
  process.stderr.write(
    `${JSON.stringify({ level: 50, time: Date.now(), msg: 'unhandled error', type, frames })}\n`,
  );
}

/**
 * Renders the public guide PDFs (Letter and A4) into the in-process cache, so
 * the first visitor to download one does not wait for a cold render. The
 * server calls it once after it starts listening, in production only.
 */
export async function warmCaches(): Promise<void> {
  const { getGuidePdf, GUIDE_PAPERS } = await import('./lib/documents/guide-pdf.server');
  for (const paper of Object.keys(GUIDE_PAPERS) as Array<keyof typeof GUIDE_PAPERS>) {
    await getGuidePdf(paper);
  }
}
