import { type Locale, type Route, getDocument } from '@groundwork/content';
import {
  BrandKitError,
  DocumentKindError,
  type FieldIssue,
  RenderOptionsError,
  renderConsent,
  renderForm,
  renderGuide,
  renderHandout,
} from '@groundwork/pdf';
import type { BrandKitInput, PaperSize } from '@groundwork/pdf/brand';
import { getGuide } from './guide.server';
import { logServerError } from '../server-log.server';

/** The id of the informed-consent document in @groundwork/content. */
export const CONSENT_DOCUMENT_ID = 'informed-consent';

/**
 * One PDF to render, as plain data so it can cross to a worker thread. Patient
 * details (consent `patientName`, `date`) live only in the task and the PDF
 * it produces: never stored, logged or cached.
 */
export type PdfRenderTask =
  | { kind: 'guide'; paper: PaperSize }
  | {
      kind: 'handout';
      documentId: string;
      locale: Locale;
      paper: PaperSize;
      brandKit: BrandKitInput;
      /** The practice's routes: a handout with route sections prints only these (absent or empty: every route). */
      routes?: Route[];
      /** Who reviewed it for the practice (lib/signoffs), printed in place of the content reviewer. */
      reviewLine?: string;
    }
  | {
      kind: 'form';
      documentId: string;
      paper: PaperSize;
      brandKit: BrandKitInput;
      /** The practice's routes: a form with route pages prints only these (absent or empty: every route). */
      routes?: Route[];
      reviewLine?: string;
    }
  | {
      kind: 'consent';
      locale: Locale;
      paper: PaperSize;
      brandKit: BrandKitInput;
      routes: Route[];
      patientName?: string;
      date?: string;
      reviewLine?: string;
    };

/** Renders a task on the calling thread (what each worker of the render pool runs). */
export async function renderPdfTask(task: PdfRenderTask): Promise<Uint8Array> {
  switch (task.kind) {
    case 'guide': {
      const document = getGuide();
      return renderGuide({ document, paper: task.paper, locale: document.locale });
    }
    case 'handout':
      // No render cache: the portal caches finished PDFs by brand-kit version.
      return renderHandout({
        document: getDocument(task.documentId, { locale: task.locale }),
        brandKit: task.brandKit,
        locale: task.locale,
        paper: task.paper,
        ...(task.routes && task.routes.length > 0 ? { routes: task.routes } : {}),
        ...(task.reviewLine ? { reviewLine: task.reviewLine } : {}),
      });
    case 'form':
      return renderForm({
        document: getDocument(task.documentId, { locale: 'en' }),
        brandKit: task.brandKit,
        paper: task.paper,
        fillable: true,
        ...(task.routes && task.routes.length > 0 ? { routes: task.routes } : {}),
        ...(task.reviewLine ? { reviewLine: task.reviewLine } : {}),
      });
    case 'consent':
      return renderConsent({
        document: getDocument(CONSENT_DOCUMENT_ID, { locale: task.locale }),
        brandKit: task.brandKit,
        locale: task.locale,
        paper: task.paper,
        routes: task.routes,
        fillable: true,
        ...(task.patientName ? { patientName: task.patientName } : {}),
        ...(task.date ? { date: task.date } : {}),
        ...(task.reviewLine ? { reviewLine: task.reviewLine } : {}),
      });
    default: {
      const unknown: never = task;
      throw new TypeError(`Unknown PDF render task kind: ${(unknown as { kind?: unknown }).kind}`);
    }
  }
}

/** Why a PDF could not be rendered, as plain data (error classes do not survive a worker thread boundary). */
export interface RenderFailure {
  /**
   * `brand-kit`: the saved brand kit cannot be printed (4xx, names the field);
   * `bad-input`: an unknown document or option (4xx); `render`: the renderer
   * failed on valid input (5xx); `worker-crashed`: the worker thread died
   * (it is replaced; 5xx, try again).
   */
  kind: 'brand-kit' | 'bad-input' | 'render' | 'worker-crashed';
  message: string;
  issues?: FieldIssue[];
}

/** A render that failed; `failure` says how. Thrown by every {@link PdfRenderer}. */
export class PdfRenderFailure extends Error {
  override name = 'PdfRenderFailure';
  constructor(
    readonly failure: RenderFailure,
    options?: { cause?: unknown },
  ) {
    super(failure.message, options);
  }
}

/** Classifies an error thrown by @groundwork/pdf. */
export function renderFailureOf(error: unknown): RenderFailure {
  if (error instanceof PdfRenderFailure) return error.failure;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof BrandKitError) {
    return { kind: 'brand-kit', message, issues: [...error.issues] };
  }
  if (error instanceof DocumentKindError || error instanceof RenderOptionsError) {
    return { kind: 'bad-input', message };
  }
  return { kind: 'render', message };
}

/** What a render-pool worker sends back: the PDF, or its failure as data. */
export type RenderOutcome = { ok: true; bytes: Uint8Array } | { ok: false; failure: RenderFailure };

/** {@link renderPdfTask} as an outcome that crosses a thread boundary intact (what each pool worker runs). */
export async function renderPdfOutcome(task: PdfRenderTask): Promise<RenderOutcome> {
  try {
    return { ok: true, bytes: await renderPdfTask(task) };
  } catch (error) {
    return { ok: false, failure: renderFailureOf(error) };
  }
}

/**
 * The HTTP answer to a failed render: 422 naming the brand-kit fields to fix,
 * 400 for a bad request, 503 (with Retry-After) when the worker crashed and
 * was replaced, 500 when the renderer failed. Plain text, never cached.
 */
export function renderFailureResponse(failure: RenderFailure): Response {
  const headers = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' };
  switch (failure.kind) {
    case 'brand-kit': {
      const fields = (failure.issues ?? []).map((issue) => `${issue.field}: ${issue.message}`);
      return new Response(
        `This practice's brand kit cannot be printed. Fix it on the Brand kit page:\n${fields.join('\n')}\n`,
        { status: 422, headers },
      );
    }
    case 'bad-input':
      return new Response(`${failure.message}\n`, { status: 400, headers });
    case 'worker-crashed':
      return new Response(
        'The PDF renderer stopped while making this document and has been restarted. Please try again.\n',
        { status: 503, headers: { ...headers, 'Retry-After': '5' } },
      );
    default:
      return new Response(
        'The PDF could not be made because of an error on our side. It has been logged; please try again later.\n',
        { status: 500, headers },
      );
  }
}

/** Where the portal's PDFs are rendered: this thread, or a pool of worker threads. */
export interface PdfRenderer {
  render(task: PdfRenderTask): Promise<Uint8Array>;
}

/** Renders on the request thread (tests, development, RENDER_THREADS=0). */
export const inProcessRenderer: PdfRenderer = { render: renderPdfTask };

// On globalThis so that server.ts (bundled separately from the Remix build)
// installs the renderer the routes use, as with the activity queues.
const RENDERER = Symbol.for('@groundwork/portal/pdf-renderer');
const registry = globalThis as typeof globalThis & { [RENDERER]?: PdfRenderer };

/** Makes every PDF of this process render through `renderer` (undefined: this thread). */
export function setPdfRenderer(renderer: PdfRenderer | undefined): void {
  registry[RENDERER] = renderer;
}

/**
 * Renders a PDF with the renderer this process uses. A failure is a
 * {@link PdfRenderFailure}; server-side ones are logged with the task's kind
 * only (never its text: it may name a patient). Routes turn it into a
 * response with {@link answerRenderFailure}.
 */
export async function renderPdf(task: PdfRenderTask): Promise<Uint8Array> {
  try {
    return await (registry[RENDERER] ?? inProcessRenderer).render(task);
  } catch (error) {
    const failure = renderFailureOf(error);
    if (failure.kind === 'render' || failure.kind === 'worker-crashed') {
      logServerError('pdf render failed', { failure: failure.kind, task: task.kind });
    }
    throw error instanceof PdfRenderFailure
      ? error
      : new PdfRenderFailure(failure, { cause: error });
  }
}

/**
 * Awaits work that renders PDFs and throws a failed render as its HTTP
 * response ({@link renderFailureResponse}), made per request: a failed render
 * shared by concurrent requests (the caches share in-flight renders) gives
 * each its own response.
 */
export async function answerRenderFailure<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof PdfRenderFailure) throw renderFailureResponse(error.failure);
    throw error;
  }
}
