import { type Locale, type Route, getDocument } from '@groundwork/content';
import { renderConsent, renderForm, renderGuide, renderHandout } from '@groundwork/pdf';
import type { BrandKitInput, PaperSize } from '@groundwork/pdf/brand';
import { getGuide } from './guide.server';

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
    }
  | {
      kind: 'form';
      documentId: string;
      paper: PaperSize;
      brandKit: BrandKitInput;
      /** The practice's routes: a form with route pages prints only these (absent or empty: every route). */
      routes?: Route[];
    }
  | {
      kind: 'consent';
      locale: Locale;
      paper: PaperSize;
      brandKit: BrandKitInput;
      routes: Route[];
      patientName?: string;
      date?: string;
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
      });
    case 'form':
      return renderForm({
        document: getDocument(task.documentId, { locale: 'en' }),
        brandKit: task.brandKit,
        paper: task.paper,
        fillable: true,
        ...(task.routes && task.routes.length > 0 ? { routes: task.routes } : {}),
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
      });
    default: {
      const unknown: never = task;
      throw new TypeError(`Unknown PDF render task kind: ${(unknown as { kind?: unknown }).kind}`);
    }
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

/** Renders a PDF with the renderer this process uses. */
export function renderPdf(task: PdfRenderTask): Promise<Uint8Array> {
  return (registry[RENDERER] ?? inProcessRenderer).render(task);
}
