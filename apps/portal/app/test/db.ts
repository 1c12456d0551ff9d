import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { AppLoadContext } from '@remix-run/node';
import { inject } from 'vitest';
import { migrateDatabase, openPostgres, wrapPglite } from '../db/client.server';
import type { Database } from '../db/client.server';
import { dataKeyRing } from '../lib/crypto.server';
import { outboxTransport } from '../lib/mail.server';

/**
 * A migrated, empty database for one test file: in-memory PGlite by default,
 * or a fresh database on the PostgreSQL server at DATABASE_URL (dropped again
 * by `close`). Create it once per file in `beforeAll` and close it in
 * `afterAll` — creating PGlite costs seconds and node does not exit while an
 * instance is open.
 */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    // A copy of the migrated template made by global-setup.ts, when there is one.
    const template = inject('pgliteTemplate');
    const database = wrapPglite(
      template
        ? await PGlite.create({ loadDataDir: new Blob([new Uint8Array(readFileSync(template))]) })
        : await PGlite.create(),
    );
    await migrateDatabase(database);
    return database;
  }
  const name = `gw_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const database = openPostgres(testUrl.toString(), { max: 4 });
  await migrateDatabase(database);
  return {
    ...database,
    async close() {
      await database.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/** The data key tests encrypt patient data with (32 fixed bytes; never use outside tests). */
export const TEST_DATA_KEYS = dataKeyRing([new Uint8Array(32).fill(7)]);

/** A load context for calling loaders and actions directly in tests. */
export function createTestContext(
  database: Database,
  overrides: Partial<AppLoadContext> = {},
): AppLoadContext {
  return {
    db: database.db,
    sessionSecrets: ['test-session-secret'],
    clientIp: '203.0.113.7',
    cspNonce: 'test-nonce',
    mail: outboxTransport(database.db, {
      dataKeys: overrides.dataKeys ?? TEST_DATA_KEYS,
      revealInDevOutbox: true,
    }),
    dataKeys: TEST_DATA_KEYS,
    devOutboxEnabled: true,
    ...overrides,
  };
}
