import { type Document, type Locale, ROUTES, type Route, getDocument } from '@groundwork/content';
import { fillDocument } from '@groundwork/pdf';
import { type PaperSize, parseBrandKit } from '@groundwork/pdf/brand';
import type { Db } from '../../db/client.server';
import { type RenderBrand, brandKitInputFor } from './brand-kit.server';
import {
  type DocumentMeta,
  type FormChoice,
  documentMeta,
  formCatalogue,
} from './catalogue.server';
import { renderFirstPagePng } from './page-image.server';
import { type CachedPdf, PdfCache } from './pdf-cache.server';
import { CONSENT_DOCUMENT_ID, renderPdf } from './pdf-renderer.server';
import { createHash } from 'node:crypto';
import { reviewerLineFor } from '../signoffs/signoffs.server';

export { CONSENT_DOCUMENT_ID };

/** Rendered handouts, shared by every request of this process. Never holds patient details. */
export const handoutCache = new PdfCache({ maxBytes: 64 * 1024 * 1024, maxEntries: 400 });

/** First-page PNG previews, keyed like the PDFs they show. */
export const previewImageCache = new PdfCache({ maxBytes: 32 * 1024 * 1024, maxEntries: 200 });

/** The practice profile's routes that the content model knows, in the model's order. */
export function practiceRoutes(practice: { routes?: readonly string[] }): Route[] {
  return ROUTES.filter((route) => practice.routes?.includes(route));
}

/**
 * The cache id of a handout rendered for a practice: its id, plus the
 * practice's routes when it has route sections (only those are printed).
 */
export function handoutVariantId(documentId: string, routes: readonly Route[]): string {
  return routes.length > 0 ? `${documentId}+${[...routes].sort().join('+')}` : documentId;
}

/**
 * A document's reviewer line for the practice (see lib/signoffs) and a short
 * hash of it for cache keys: a sign-off changes what is printed.
 */
async function reviewOf(
  db: Db,
  input: { practice: { id: string; name: string }; documentId: string; locale: Locale },
): Promise<{ line: string; key: string }> {
  const line = await reviewerLineFor(db, input);
  return { line, key: createHash('sha256').update(line).digest('base64url').slice(0, 12) };
}

/** A handout's PDF from the cache (rendering it on a miss), and the document version printed. */
export async function handoutPdf(
  db: Db,
  input: {
    practice: { id: string; name: string; routes?: readonly string[] };
    brand: RenderBrand;
    documentId: string;
    locale: Locale;
    paper: PaperSize;
  },
): Promise<{ pdf: CachedPdf; document: DocumentMeta; variantId: string }> {
  const document = documentMeta(input.documentId, input.locale);
  const routes = practiceRoutes(input.practice);
  const variantId = handoutVariantId(document.id, routes);
  const review = await reviewOf(db, {
    practice: input.practice,
    documentId: document.id,
    locale: document.locale,
  });
  const pdf = await handoutCache.getOrRender(
    {
      brandKitVersionId: `${input.brand.cacheToken}.${review.key}`,
      documentId: variantId,
      documentVersion: document.version,
      locale: document.locale,
      paper: input.paper,
    },
    async () =>
      renderPdf({
        kind: 'handout',
        documentId: document.id,
        locale: document.locale,
        paper: input.paper,
        brandKit: await brandKitInputFor(db, input.practice, input.brand),
        ...(routes.length > 0 ? { routes } : {}),
        ...(review.line ? { reviewLine: review.line } : {}),
      }),
  );
  return { pdf, document, variantId };
}

/** A PNG of page 1 of a handout's PDF, cached under the same key. */
export async function handoutFirstPage(
  db: Db,
  input: Parameters<typeof handoutPdf>[1],
): Promise<CachedPdf> {
  const document = documentMeta(input.documentId, input.locale);
  const review = await reviewOf(db, {
    practice: input.practice,
    documentId: document.id,
    locale: document.locale,
  });
  return previewImageCache.getOrRender(
    {
      brandKitVersionId: `${input.brand.cacheToken}.${review.key}`,
      documentId: `${handoutVariantId(document.id, practiceRoutes(input.practice))}#page-1`,
      documentVersion: document.version,
      locale: document.locale,
      paper: input.paper,
    },
    async () => renderFirstPagePng((await handoutPdf(db, input)).pdf.bytes, { width: 640 }),
  );
}

/** A handout filled with the practice's details, for the HTML preview. */
export function previewDocument(
  documentId: string,
  locale: Locale,
  practice: { name: string; routes?: readonly string[] },
  brand: RenderBrand,
): Document {
  const routes = practiceRoutes(practice);
  // Only the practice's routes, as in the PDF.
  const document = getDocument(documentId, {
    locale,
    ...(routes.length > 0 ? { variant: { routes } } : {}),
  });
  const kit = parseBrandKit({
    ...brand.settings,
    practice: { ...brand.settings.practice, name: practice.name },
  });
  return fillDocument({ document, brandKit: kit }).document;
}

/** What the consent generator prints. Patient details are used for this one response only. */
export interface ConsentRequest {
  routes: Route[];
  locale: Locale;
  paper: PaperSize;
  patientName?: string | undefined;
  date?: string | undefined;
}

/**
 * Renders the informed-consent form. Without patient details the PDF is
 * cached like a handout; with them it is rendered fresh and never cached.
 */
export async function consentPdf(
  db: Db,
  input: { practice: { id: string; name: string }; brand: RenderBrand; request: ConsentRequest },
): Promise<{ bytes: Uint8Array; document: Document; personalised: boolean }> {
  const { request } = input;
  const document = getDocument(CONSENT_DOCUMENT_ID, { locale: request.locale });
  const personalised = Boolean(request.patientName || request.date);
  const review = await reviewOf(db, {
    practice: input.practice,
    documentId: CONSENT_DOCUMENT_ID,
    locale: document.locale,
  });
  const render = async () =>
    renderPdf({
      kind: 'consent',
      locale: document.locale,
      paper: request.paper,
      routes: request.routes,
      brandKit: await brandKitInputFor(db, input.practice, input.brand),
      ...(request.patientName ? { patientName: request.patientName } : {}),
      ...(request.date ? { date: request.date } : {}),
      ...(review.line ? { reviewLine: review.line } : {}),
    });
  if (personalised) return { bytes: await render(), document, personalised };
  const cached = await handoutCache.getOrRender(
    {
      brandKitVersionId: `${input.brand.cacheToken}.${review.key}`,
      documentId: `${document.id}+${[...request.routes].sort().join('+')}`,
      documentVersion: document.version,
      locale: document.locale,
      paper: request.paper,
    },
    render,
  );
  return { bytes: cached.bytes, document, personalised };
}

/** A practice form's PDF from the cache (rendering it on a miss), printed with the practice's brand and routes. */
export async function formPdf(
  db: Db,
  input: {
    practice: { id: string; name: string; routes?: readonly string[] };
    brand: RenderBrand;
    documentId: string;
    paper: PaperSize;
  },
): Promise<{ pdf: CachedPdf; form: FormChoice } | undefined> {
  const form = formCatalogue().find((choice) => choice.id === input.documentId);
  if (!form) return undefined;
  const routes = practiceRoutes(input.practice);
  const review = await reviewOf(db, {
    practice: input.practice,
    documentId: form.id,
    locale: 'en',
  });
  const pdf = await handoutCache.getOrRender(
    {
      brandKitVersionId: `${input.brand.cacheToken}.${review.key}`,
      documentId: `form:${handoutVariantId(form.id, routes)}`,
      documentVersion: form.version,
      locale: 'en',
      paper: input.paper,
    },
    async () =>
      renderPdf({
        kind: 'form',
        documentId: form.id,
        paper: input.paper,
        brandKit: await brandKitInputFor(db, input.practice, input.brand),
        ...(routes.length > 0 ? { routes } : {}),
        ...(review.line ? { reviewLine: review.line } : {}),
      }),
  );
  return { pdf, form };
}
