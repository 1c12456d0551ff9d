import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server';
import type { RenderBrand } from './brand-kit.server';
import { documentActivity, users } from '../../db/schema.server';
import { logServerError } from '../server-log.server';

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
