import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.server';

/**
 * Every place `needle` occurs in the database: each table of the public
 * schema is read row by row as text (`row::text`), so no column is missed,
 * whatever tables other features add. Returns `table: row` lines.
 */
export async function findInEveryTable(db: Db, needle: string): Promise<string[]> {
  const tables = await db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const rows = 'rows' in tables ? tables.rows : tables;
  const found: string[] = [];
  for (const { table_name: table } of rows as Array<{ table_name: string }>) {
    const hits = await db.execute<{ row: string }>(
      sql`select t::text as row from ${sql.identifier(table)} t where position(lower(${needle}) in lower(t::text)) > 0`,
    );
    const hitRows = ('rows' in hits ? hits.rows : hits) as Array<{ row: string }>;
    for (const hit of hitRows) found.push(`${table}: ${hit.row}`);
  }
  return found;
}

/** The names of every table in the public schema (to prove a scan was not vacuous). */
export async function publicTables(db: Db): Promise<string[]> {
  const tables = await db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const rows = ('rows' in tables ? tables.rows : tables) as Array<{ table_name: string }>;
  return rows.map((row) => row.table_name).sort();
}
