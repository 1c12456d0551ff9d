import { definePDFJSModule, extractText, getDocumentProxy, renderPageAsImage } from 'unpdf';

let configured: Promise<void> | undefined;

/**
 * unpdf ships a pdf.js build that needs Node 22; the portal runs on Node 20,
 * so point unpdf at pdfjs-dist's legacy build, which supports it. pdf.js
 * keeps its worker in a global, so every PDF read in one process (the
 * browser tests included) must go through this module: mixing in unpdf's
 * bundled pdf.js fails with "API version does not match Worker version".
 */
function configurePdfjs(): Promise<void> {
  configured ??= definePDFJSModule(() => import('pdfjs-dist/legacy/build/pdf.mjs'));
  return configured;
}

/** Options for {@link renderFirstPagePng}. */
export interface FirstPageOptions {
  /** Width of the image in CSS pixels; the height follows the page's proportions. */
  width?: number;
}

/**
 * Renders page 1 of a PDF to a PNG, server-side, with pdf.js and
 * @napi-rs/canvas (both from the npm registry, no system tools needed).
 */
export async function renderFirstPagePng(
  pdf: Uint8Array,
  options: FirstPageOptions = {},
): Promise<Uint8Array> {
  await configurePdfjs();
  // pdf.js takes ownership of (detaches) the buffer it is given: pass a copy.
  const image = await renderPageAsImage(new Uint8Array(pdf), 1, {
    canvasImport: () => import('@napi-rs/canvas'),
    width: options.width ?? 600,
  });
  return new Uint8Array(image);
}

/** The text of every page of a PDF, joined (for tests and checks). */
export async function pdfText(pdf: Uint8Array): Promise<{ pages: number; text: string }> {
  await configurePdfjs();
  const { totalPages, text } = await extractText(new Uint8Array(pdf), { mergePages: true });
  return { pages: totalPages, text };
}

/** How many fillable form fields (widget annotations) a PDF has, across all pages. */
export async function formFieldCount(pdf: Uint8Array): Promise<number> {
  await configurePdfjs();
  const document = await getDocumentProxy(new Uint8Array(pdf));
  let count = 0;
  for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber += 1) {
    const page = await document.getPage(pageNumber);
    const annotations = (await page.getAnnotations()) as Array<{ subtype?: string }>;
    count += annotations.filter((annotation) => annotation.subtype === 'Widget').length;
  }
  await document.loadingTask.destroy();
  return count;
}
