import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.server';
import { appSettings } from '../../db/schema.server';
import { type DataKeyRing, dataKeyRing, randomToken } from '../crypto.server';

/**
 * The secrets that sign session cookies. SESSION_SECRET (comma-separated for
 * rotation: the first signs, all verify) wins; when unset, a secret is
 * generated once and stored in the database, so every instance sharing the
 * database agrees on it and restarts keep users signed in.
 */
export async function resolveSessionSecrets(db: Db, fromEnv?: string): Promise<string[]> {
  const configured = (fromEnv ?? '')
    .split(',')
    .map((secret) => secret.trim())
    .filter(Boolean);
  if (configured.length > 0) return configured;
  await db
    .insert(appSettings)
    .values({ key: 'session_secret', value: randomToken() })
    .onConflictDoNothing();
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, 'session_secret'));
  if (!row) throw new Error('The generated session secret was not stored in app_settings');
  return [row.value];
}

/** Where the embedded default keeps its generated data key: beside the PGlite data directory. */
export function defaultDataKeyFile(pgliteDataDir: string): string {
  return join(dirname(resolve(pgliteDataDir)), 'groundwork-data.key');
}

/** Parses keys written as base64, separated by commas or new lines; the first is primary. */
export function parseDataKeys(value: string, source: string): DataKeyRing {
  const encoded = value
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (encoded.length === 0) throw new Error(`${source} holds no data key`);
  const keys = encoded.map((text, index) => {
    const key = Buffer.from(text, 'base64');
    if (key.length !== 32 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) {
      throw new Error(
        `${source}: key ${index + 1} must be 32 random bytes in base64 (openssl rand -base64 32), got ${key.length} bytes`,
      );
    }
    return key;
  });
  return dataKeyRing(keys);
}

/**
 * The keys that encrypt patient data (AES-256-GCM), never stored in the
 * database. GROUNDWORK_DATA_KEY (base64, comma-separated for rotation: the
 * first encrypts, all decrypt) wins. Otherwise the key file is read; when it
 * does not exist and `generate` is set (the embedded PGlite default) a key is
 * generated into it, readable by this user only. Anything else is an error:
 * a PostgreSQL deployment must be given its key.
 */
export function resolveDataKeys({
  fromEnv,
  keyFile,
  generate,
}: {
  fromEnv?: string | undefined;
  keyFile: string;
  generate: boolean;
}): DataKeyRing {
  if (fromEnv?.trim()) return parseDataKeys(fromEnv, 'GROUNDWORK_DATA_KEY');
  if (existsSync(keyFile)) return parseDataKeys(readFileSync(keyFile, 'utf8'), keyFile);
  if (!generate) {
    throw new Error(
      `No data key: set GROUNDWORK_DATA_KEY (openssl rand -base64 32) or create ${keyFile}. See docs/e-consent.md.`,
    );
  }
  mkdirSync(dirname(keyFile), { recursive: true });
  try {
    writeFileSync(keyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (cause) {
    // Another process created it first: use theirs.
    if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new Error(`Could not write the data key file ${keyFile}`, { cause });
    }
  }
  return parseDataKeys(readFileSync(keyFile, 'utf8'), keyFile);
}
