import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { practices, users } from './schema.server';

/**
 * The medical director's sign-offs of the practice's documents (handouts,
 * consent form, practice forms). Append-only: each row signs off one version
 * of one document (in every language); the newest row of a document is its
 * current sign-off, and a newer content version needs a new row. Nothing
 * here holds patient data.
 */
export const documentSignoffs = pgTable(
  'document_signoffs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    /** A @groundwork/content document id, e.g. `preparing-for-your-session`. */
    documentId: text('document_id').notNull(),
    /** The content version signed off, e.g. `1.1.0`. */
    documentVersion: text('document_version').notNull(),
    signedOffBy: uuid('signed_off_by').references(() => users.id, { onDelete: 'set null' }),
    /** The name and credentials as the medical director typed them, printed on the documents. */
    signerName: text('signer_name').notNull(),
    signerCredentials: text('signer_credentials').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('document_signoffs_practice_document_idx').on(
      table.practiceId,
      table.documentId,
      table.signedAt,
    ),
  ],
);
