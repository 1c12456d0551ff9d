import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveSessionSecrets } from '../lib/practices/settings.server';
import { migrationsFolder, openDatabaseFromEnv } from './client.server';

const journal = JSON.parse(
  readFileSync(join(migrationsFolder(), 'meta', '_journal.json'), 'utf8'),
) as { entries: unknown[] };

const dataDir = mkdtempSync(join(tmpdir(), 'groundwork-db-test-'));

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('openDatabaseFromEnv (embedded PGlite)', () => {
  it('creates and migrates the data dir on first start, and reopens it with data and secret intact', async () => {
    const first = await openDatabaseFromEnv({ PGLITE_DATA_DIR: dataDir });
    let secret: string[];
    try {
      expect(first.kind).toBe('pglite');
      // PGlite's execute() result shape.
      const tables = (await first.db.execute(
        sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      )) as unknown as { rows: Array<{ table_name: string }> };
      expect(tables.rows.map((row) => row.table_name)).toEqual(
        expect.arrayContaining(['memberships', 'practices', 'sessions', 'users']),
      );
      secret = await resolveSessionSecrets(first.db);
      expect(secret[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    } finally {
      await first.close();
    }

    const second = await openDatabaseFromEnv({ PGLITE_DATA_DIR: dataDir });
    try {
      // A second server on the same data dir is refused, not allowed to corrupt it.
      const lockFile = join(dataDir, 'groundwork.lock');
      expect(readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
      writeFileSync(lockFile, String(process.ppid));
      await expect(openDatabaseFromEnv({ PGLITE_DATA_DIR: dataDir })).rejects.toThrow(
        /in use by another process \(pid \d+\)/,
      );
      writeFileSync(lockFile, String(process.pid));
      const applied = (await second.db.execute(
        sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
      )) as unknown as { rows: Array<{ count: number }> };
      // Each migration ran once, not once per start.
      expect(applied.rows[0]?.count).toBe(journal.entries.length);
      // The generated session secret survives a restart, so users stay signed in.
      expect(await resolveSessionSecrets(second.db)).toEqual(secret);
      // SESSION_SECRET wins when set; commas separate secrets for rotation.
      expect(await resolveSessionSecrets(second.db, ' new-secret , old-secret ')).toEqual([
        'new-secret',
        'old-secret',
      ]);
    } finally {
      await second.close();
    }
    expect(existsSync(join(dataDir, 'groundwork.lock'))).toBe(false);
  }, 120_000);
});
