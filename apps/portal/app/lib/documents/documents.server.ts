import {
  type Document,
  type Locale,
  LocaleSchema,
  ROUTES,
  type Route,
  getDocument,
  listDocuments,
} from '@groundwork/content';
import { fillDocument } from '@groundwork/pdf';
import { PAPER_SIZES, type PaperSize, parseBrandKit } from '@groundwork/pdf/brand';
import { and, desc, eq, sql } from 'drizzle-orm';
import * as z from 'zod';
import type { Db } from '../../db/client.server';
import { documentActivity, users } from '../../db/schema.server';
import { type RenderBrand, brandKitInputFor } from './brand-kit.server';
import { renderFirstPagePng } from './page-image.server';
import { logServerError } from '../server-log.server';
import { type CachedPdf, PdfCache } from './pdf-cache.server';
import { CONSENT_DOCUMENT_ID, renderPdf } from './pdf-renderer.server';

export { CONSENT_DOCUMENT_ID };

/** Rendered handouts, shared by every request of this process. Never holds patient details. */
export const handoutCache = new PdfCache({ maxBytes: 64 * 1024 * 1024, maxEntries: 400 });

/** First-page PNG previews, keyed like the PDFs they show. */
export const previewImageCache = new PdfCache({ maxBytes: 32 * 1024 * 1024, maxEntries: 200 });

/** Most handouts in one ZIP download. */
export const MAX_HANDOUTS_PER_DOWNLOAD = 10;

/** A handout the studio offers, with its version and title in each language. */
export interface HandoutChoice {
  id: string;
  version: string;
  titles: Partial<Record<Locale, string>>;
}

/** What identifies a rendered document: id, version and locale (no content). */
export interface DocumentMeta {
  id: string;
  version: string;
  locale: Locale;
  title: string;
}

let catalogue: { choices: HandoutChoice[]; meta: Map<string, DocumentMeta> } | undefined;

// The library is compiled into @groundwork/content and never changes while the
// server runs; listDocuments/getDocument copy whole documents, so read it once.
function library() {
  if (!catalogue) {
    const byId = new Map<string, HandoutChoice>();
    const meta = new Map<string, DocumentMeta>();
    for (const document of listDocuments({ audience: 'patient' })) {
      meta.set(`${document.id}|${document.locale}`, {
        id: document.id,
        version: document.version,
        locale: document.locale,
        title: document.title,
      });
      if (document.kind !== 'handout') continue;
      const choice = byId.get(document.id) ?? {
        id: document.id,
        version: document.version,
        titles: {},
      };
      choice.titles[document.locale] = document.title;
      byId.set(document.id, choice);
    }
    const choices = [...byId.values()].sort((a, b) =>
      (a.titles.en ?? a.id).localeCompare(b.titles.en ?? b.id),
    );
    catalogue = { choices, meta };
  }
  return catalogue;
}

/** Every patient handout in the library, by English title. */
export function handoutCatalogue(): HandoutChoice[] {
  return library().choices;
}

/** Id, version, locale and title of a patient document, without copying its content. */
export function documentMeta(id: string, locale: Locale): DocumentMeta {
  const meta = library().meta.get(`${id}|${locale}`);
  if (!meta) throw new Error(`No patient document "${id}" in locale "${locale}"`);
  return meta;
}

const handoutIds = () => new Set(handoutCatalogue().map((choice) => choice.id));

/** `LETTER` or `A4`, case-insensitive. */
export const PaperSchema = z
  .string()
  .transform((value) => value.toUpperCase())
  .pipe(z.enum(PAPER_SIZES, { error: 'must be Letter or A4' }));

/** A studio request: which handouts, in which language, on which paper. */
export const HandoutSelectionSchema = z.object({
  documents: z
    .array(z.string())
    .min(1, 'choose at least one handout')
    .max(MAX_HANDOUTS_PER_DOWNLOAD, `choose at most ${MAX_HANDOUTS_PER_DOWNLOAD} handouts`)
    .refine((ids) => ids.every((id) => handoutIds().has(id)), 'is not a handout in the library')
    .transform((ids) => [...new Set(ids)]),
  locale: LocaleSchema,
  paper: PaperSchema,
});

/** A validated studio request. */
export type HandoutSelection = z.infer<typeof HandoutSelectionSchema>;

/** Reads a studio selection from a URL's query string (`document=…&locale=…&paper=…`). */
export function selectionFromSearchParams(params: URLSearchParams) {
  return HandoutSelectionSchema.safeParse({
    documents: params.getAll('document'),
    locale: params.get('locale') ?? 'en',
    paper: params.get('paper') ?? 'LETTER',
  });
}

/** The download file name of a document, e.g. `preparing-for-your-session-es-a4.pdf`. */
export function pdfFileName(document: { id: string; locale: string }, paper: PaperSize): string {
  return `${document.id}-${document.locale}-${paper.toLowerCase()}.pdf`;
}

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
  const pdf = await handoutCache.getOrRender(
    {
      brandKitVersionId: input.brand.cacheToken,
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
  return previewImageCache.getOrRender(
    {
      brandKitVersionId: input.brand.cacheToken,
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
  const render = async () =>
    renderPdf({
      kind: 'consent',
      locale: document.locale,
      paper: request.paper,
      routes: request.routes,
      brandKit: await brandKitInputFor(db, input.practice, input.brand),
      ...(request.patientName ? { patientName: request.patientName } : {}),
      ...(request.date ? { date: request.date } : {}),
    });
  if (personalised) return { bytes: await render(), document, personalised };
  const cached = await handoutCache.getOrRender(
    {
      brandKitVersionId: input.brand.cacheToken,
      documentId: `${document.id}+${[...request.routes].sort().join('+')}`,
      documentVersion: document.version,
      locale: document.locale,
      paper: request.paper,
    },
    render,
  );
  return { bytes: cached.bytes, document, personalised };
}

/** One generated document, as the activity log records it (never patient details). */
export interface ActivityEntry {
  kind: 'handout' | 'consent';
  documentId: string;
  documentVersion: string;
  locale: string;
  paper: string;
  routes?: string[];
}

type ActivityInsert = typeof documentActivity.$inferInsert;

interface PendingActivity {
  rows: ActivityInsert[];
  done: (error?: unknown) => void;
}

interface ActivityQueue {
  pending: PendingActivity[];
  pendingRows: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The flush in progress, if any (one insert at a time per database). */
  writing: Promise<void> | undefined;
}

/** How long an activity entry may wait in memory before it is written. */
export const ACTIVITY_FLUSH_MS = 100;

/** Written at once, without waiting for the timer, when this many rows are waiting. */
export const ACTIVITY_FLUSH_ROWS = 200;

// On globalThis so that server.ts (bundled separately from the Remix build)
// flushes the very queues the routes fill.
const QUEUES = Symbol.for('@groundwork/portal/activity-queues');
const registry = globalThis as typeof globalThis & { [QUEUES]?: WeakMap<Db, ActivityQueue> };
registry[QUEUES] ??= new WeakMap<Db, ActivityQueue>();
const activityQueues: WeakMap<Db, ActivityQueue> = registry[QUEUES];

// Buffered group commit: entries wait up to ACTIVITY_FLUSH_MS (or until
// ACTIVITY_FLUSH_ROWS are waiting) and then go into the database in one insert,
// so under load hundreds of downloads share one round trip. Downloads do not
// wait for it; each caller's promise still settles when its own rows are
// written (or fail), and flushActivity() writes everything before shutdown.
async function writeActivity(db: Db, queue: ActivityQueue): Promise<void> {
  while (queue.pending.length > 0) {
    const batch = queue.pending.splice(0, 500);
    queue.pendingRows = queue.pending.reduce((sum, entry) => sum + entry.rows.length, 0);
    try {
      await insertActivityBatch(
        db,
        batch.flatMap((entry) => entry.rows),
      );
      for (const entry of batch) entry.done();
    } catch {
      // One bad entry must not fail the others: retry them one by one.
      for (const entry of batch) {
        await db
          .insert(documentActivity)
          .values(entry.rows)
          .then(
            () => entry.done(),
            (error: unknown) => entry.done(error ?? new Error('Recording activity failed')),
          );
      }
    }
  }
}

/**
 * Inserts many activity rows as one statement with one parameter (the rows as
 * a JSON array, unpacked by the database), so a batch of hundreds costs one
 * small query to build and send instead of ten parameters per row.
 */
async function insertActivityBatch(db: Db, rows: ActivityInsert[]): Promise<void> {
  const json = JSON.stringify(
    rows.map((row) => ({
      practice_id: row.practiceId,
      user_id: row.userId ?? null,
      kind: row.kind,
      document_id: row.documentId,
      document_version: row.documentVersion,
      locale: row.locale,
      paper: row.paper,
      routes: row.routes ?? [],
      brand_kit_version_id: row.brandKitVersionId ?? null,
      brand_kit_version: row.brandKitVersion ?? null,
    })),
  );
  await db.execute(sql`
    insert into ${documentActivity}
      (practice_id, user_id, kind, document_id, document_version, locale, paper, routes,
       brand_kit_version_id, brand_kit_version)
    select practice_id, user_id, kind, document_id, document_version, locale, paper, routes,
       brand_kit_version_id, brand_kit_version
    from jsonb_to_recordset(${json}::jsonb) as batch(
      practice_id uuid, user_id uuid, kind generated_document_kind, document_id text,
      document_version text, locale text, paper text, routes text[],
      brand_kit_version_id uuid, brand_kit_version integer)`);
}

function startFlush(db: Db, queue: ActivityQueue): Promise<void> {
  if (queue.timer) {
    clearTimeout(queue.timer);
    queue.timer = undefined;
  }
  if (!queue.writing) {
    queue.writing = writeActivity(db, queue).finally(() => {
      queue.writing = undefined;
      // Entries that arrived during the last insert get their own timer.
      if (queue.pending.length > 0) scheduleFlush(db, queue);
    });
  }
  return queue.writing;
}

function scheduleFlush(db: Db, queue: ActivityQueue): void {
  if (queue.pendingRows >= ACTIVITY_FLUSH_ROWS) {
    void startFlush(db, queue);
    return;
  }
  if (queue.timer || queue.writing) return;
  queue.timer = setTimeout(() => void startFlush(db, queue), ACTIVITY_FLUSH_MS);
  // A waiting flush must not keep a process alive; shutdown calls flushActivity.
  queue.timer.unref?.();
}

/**
 * Writes every activity entry still waiting in memory for `db`. The server
 * calls it on shutdown, before closing the database, so no row is lost on a
 * normal stop; tests call it before reading the log.
 */
export async function flushActivity(db: Db): Promise<void> {
  const queue = activityQueues.get(db);
  if (!queue) return;
  while (queue.pending.length > 0 || queue.writing) {
    await (queue.writing ?? startFlush(db, queue));
  }
}

/**
 * Records that `userId` generated these documents with this brand-kit version.
 * The entry is buffered for up to {@link ACTIVITY_FLUSH_MS}; the promise
 * settles when its rows are written. Routes do not wait for it.
 */
export async function recordActivity(
  db: Db,
  input: { practiceId: string; userId: string; brand: RenderBrand; entries: ActivityEntry[] },
): Promise<void> {
  if (input.entries.length === 0) return;
  const rows: ActivityInsert[] = input.entries.map((entry) => ({
    practiceId: input.practiceId,
    userId: input.userId,
    kind: entry.kind,
    documentId: entry.documentId,
    documentVersion: entry.documentVersion,
    locale: entry.locale,
    paper: entry.paper,
    routes: entry.routes ?? [],
    brandKitVersionId: input.brand.versionId,
    brandKitVersion: input.brand.version,
  }));
  let queue = activityQueues.get(db);
  if (!queue) {
    queue = { pending: [], pendingRows: 0, timer: undefined, writing: undefined };
    activityQueues.set(db, queue);
  }
  const written = new Promise<void>((resolve, reject) => {
    queue.pending.push({ rows, done: (error) => (error ? reject(error) : resolve()) });
  });
  queue.pendingRows += rows.length;
  scheduleFlush(db, queue);
  return written;
}

/**
 * Records activity without making the response wait for the insert. A failed
 * write is logged (ids and the error type only, never document content or
 * patient details).
 */
export function recordActivityInBackground(
  db: Db,
  input: Parameters<typeof recordActivity>[1],
): void {
  recordActivity(db, input).catch((error: unknown) => {
    logServerError('recording document activity failed', {
      practiceId: input.practiceId,
      error: error instanceof Error ? error.name : 'unknown',
    });
  });
}

/** A row of the activity log page. */
export interface ActivityRow {
  id: string;
  createdAt: Date;
  userName: string | null;
  kind: 'handout' | 'consent';
  documentId: string;
  documentVersion: string;
  locale: string;
  paper: string;
  routes: string[];
  brandKitVersion: number | null;
}

/** The practice's most recent document activity, newest first. */
export async function listActivity(
  db: Db,
  { practiceId, limit = 200 }: { practiceId: string; limit?: number },
): Promise<ActivityRow[]> {
  // Show this process's buffered entries too (other instances lag by at most ACTIVITY_FLUSH_MS).
  await flushActivity(db);
  return db
    .select({
      id: documentActivity.id,
      createdAt: documentActivity.createdAt,
      userName: users.name,
      kind: documentActivity.kind,
      documentId: documentActivity.documentId,
      documentVersion: documentActivity.documentVersion,
      locale: documentActivity.locale,
      paper: documentActivity.paper,
      routes: documentActivity.routes,
      brandKitVersion: documentActivity.brandKitVersion,
    })
    .from(documentActivity)
    .leftJoin(users, eq(users.id, documentActivity.userId))
    .where(and(eq(documentActivity.practiceId, practiceId)))
    .orderBy(desc(documentActivity.createdAt))
    .limit(limit);
}
