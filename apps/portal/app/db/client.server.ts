import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema.server';

/** The portal's database handle, the same type for PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open database: the drizzle handle and how to close it. */
export interface Database {
  db: Db;
  /** `pglite` (embedded) or `postgres` (DATABASE_URL). */
  kind: 'pglite' | 'postgres';
  /** The connection string, for PostgreSQL. */
  url?: string;
  /** The embedded client, for PGlite (e.g. to dump a test template). */
  pglite?: PGlite;
  close: () => Promise<void>;
}

/** Where the embedded database lives unless PGLITE_DATA_DIR says otherwise. */
export function defaultPgliteDataDir(): string {
  return join(portalRoot(), '.data', 'pglite');
}

/** The portal package root (the folder holding `drizzle/`), found from this module's location. */
export function portalRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'drizzle', 'meta', '_journal.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(
        `Could not find the portal's drizzle/ migrations folder above ${fileURLToPath(import.meta.url)}`,
      );
    }
    dir = parent;
  }
}

/** Folder of the committed SQL migrations. */
export function migrationsFolder(): string {
  return join(portalRoot(), 'drizzle');
}

/** Opens PostgreSQL at `url` (postgres.js driver). */
export function openPostgres(url: string, options: { max?: number } = {}): Database {
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  return {
    db: drizzlePostgres(client, { schema }),
    kind: 'postgres',
    url,
    close: () => client.end({ timeout: 5 }),
  };
}

/** Wraps an open PGlite instance (for example a clone of a test template). */
export function wrapPglite(client: PGlite): Database {
  return {
    db: drizzlePglite(client, { schema }),
    kind: 'pglite',
    pglite: client,
    close: () => client.close(),
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is single-process: two servers on one data dir would corrupt it. A
 * lock file beside the data holds the owner's pid; a lock left by a process
 * that has died is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = join(dataDir, 'groundwork.lock');
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch {
    const owner = Number(readFileSync(lockFile, 'utf8'));
    if (Number.isInteger(owner) && owner !== process.pid && isRunning(owner)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by another process (pid ${owner}). ` +
          'Stop that server, or give this one its own PGLITE_DATA_DIR (or a DATABASE_URL).',
      );
    }
    writeFileSync(lockFile, String(process.pid));
  }
  return () => rmSync(lockFile, { force: true });
}

/** Opens (creating if needed) the embedded PGlite database in `dataDir`, locked to this process. */
export async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  try {
    const database = wrapPglite(await PGlite.create(resolve(dataDir)));
    return {
      ...database,
      async close() {
        await database.close();
        unlock();
      },
    };
  } catch (cause) {
    unlock();
    throw new Error(`Could not open the embedded database in ${dataDir}`, { cause });
  }
}

/**
 * Applies every committed migration in `drizzle/` that has not run yet.
 * On PostgreSQL an advisory lock keeps several instances starting at once from
 * racing each other.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  const folder = migrationsFolder();
  if (database.kind === 'pglite') {
    await migratePglite(database.db as Parameters<typeof migratePglite>[0], {
      migrationsFolder: folder,
    });
    return;
  }
  if (!database.url) throw new Error('A PostgreSQL database needs its url to be migrated');
  // One connection, so the advisory lock and the migration share a session.
  const client = postgres(database.url, { max: 1, onnotice: () => {} });
  const lockId = 727_274_001;
  try {
    await client`select pg_advisory_lock(${lockId})`;
    await migratePostgres(drizzlePostgres(client, { schema }), { migrationsFolder: folder });
    await client`select pg_advisory_unlock(${lockId})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}

/**
 * Opens the database the environment asks for — PostgreSQL when DATABASE_URL is
 * set, else embedded PGlite in PGLITE_DATA_DIR (default `apps/portal/.data/pglite`) —
 * and migrates it.
 */
export async function openDatabaseFromEnv(
  env: Record<string, string | undefined> = process.env,
): Promise<Database> {
  const database = env.DATABASE_URL
    ? openPostgres(env.DATABASE_URL)
    : await openPglite(env.PGLITE_DATA_DIR || defaultPgliteDataDir());
  try {
    await migrateDatabase(database);
  } catch (cause) {
    await database.close();
    throw new Error(`Could not migrate the ${database.kind} database`, { cause });
  }
  return database;
}
