import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations from app/db/schema.server.ts into drizzle/.
// The same SQL runs on PGlite and PostgreSQL.
export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './app/db/schema.server.ts',
    './app/db/checklist-schema.server.ts',
    './app/db/screening-schema.server.ts',
    './app/db/packets-schema.server.ts',
    './app/db/signoffs-schema.server.ts',
    './app/db/measures-schema.server.ts',
  ],
  out: './drizzle',
});
