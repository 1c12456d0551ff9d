import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.server';

/** Rows of a raw query, whichever driver ran it (PGlite gives `{ rows }`, postgres.js an array). */
function rowsOf<Row>(result: unknown): Row[] {
  if (Array.isArray(result)) return result as Row[];
  if (result && typeof result === 'object' && 'rows' in result) {
    return (result as { rows: Row[] }).rows;
  }
  throw new Error('Unexpected result shape from db.execute');
}

/**
 * Every place `needle` occurs in the database: each table of the public
 * schema is read row by row as text (`row::text`), so no column is missed,
 * whatever tables other features add. Returns `table: row` lines.
 */
export async function findInEveryTable(db: Db, needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const table of await publicTables(db)) {
    const hits = rowsOf<{ row: string }>(
      await db.execute(
        sql`select t::text as row from ${sql.identifier(table)} t where position(lower(${needle}) in lower(t::text)) > 0`,
      ),
    );
    for (const hit of hits) found.push(`${table}: ${hit.row}`);
  }
  return found;
}

/** The names of every table in the public schema (to prove a scan was not vacuous). */
export async function publicTables(db: Db): Promise<string[]> {
  const rows = rowsOf<{ table_name: string }>(
    await db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    ),
  );
  return rows.map((row) => row.table_name).sort();
}

/**
 * Every place `needle` occurs in the database as text or as the bytes of a
 * binary column: like {@link findInEveryTable}, but a `bytea` holding the
 * needle in plain UTF-8 (which `row::text` shows as hex) is found too.
 */
export async function findPlaintextAnywhere(db: Db, needle: string): Promise<string[]> {
  const hex = Buffer.from(needle, 'utf8').toString('hex');
  const found = await findInEveryTable(db, needle);
  for (const hit of await findInEveryTable(db, hex)) found.push(`(as bytes) ${hit}`);
  return found;
}
