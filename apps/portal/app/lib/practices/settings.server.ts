import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.server';
import { appSettings } from '../../db/schema.server';
import { randomToken } from '../crypto.server';

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
