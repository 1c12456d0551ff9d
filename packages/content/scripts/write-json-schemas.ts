/**
 * Build step: writes dist/schema/<name>.schema.json for users of the content
 * model who do not write TypeScript. Usage: tsx scripts/write-json-schemas.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentJsonSchema, JSON_SCHEMA_NAMES } from '../src/json-schema.js';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'schema');
mkdirSync(outDir, { recursive: true });
for (const name of JSON_SCHEMA_NAMES) {
  writeFileSync(
    join(outDir, `${name}.schema.json`),
    `${JSON.stringify(contentJsonSchema(name), null, 2)}\n`,
  );
}
process.stdout.write(`content: wrote ${JSON_SCHEMA_NAMES.length} JSON Schemas to dist/schema\n`);
