import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, wrapPglite } from '../db/client.server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A tarball of a migrated, empty PGlite data dir ('' when tests use PostgreSQL). */
    pgliteTemplate: string;
  }
}

/**
 * Creates one migrated PGlite database for the whole run and dumps it to a
 * file. Each test file then loads a copy (~1-2 s) instead of running initdb
 * and the migrations again (~4-12 s on a busy machine).
 */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide('pgliteTemplate', '');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'groundwork-pglite-template-'));
  const file = join(dir, 'template.tar');
  const database = wrapPglite(await PGlite.create());
  try {
    await migrateDatabase(database);
    if (!database.pglite) throw new Error('Expected an embedded PGlite database');
    const dump = await database.pglite.dumpDataDir('none');
    writeFileSync(file, new Uint8Array(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
  project.provide('pgliteTemplate', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
