import {
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { practices, users } from './schema.server';

/**
 * Tables of the branded-documents feature (brand kit, handout studio, consent
 * generator), kept apart from the spine's schema so branches merge cleanly.
 * Nothing here ever holds a patient's details.
 */

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value),
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** A cleaned (decoded, resized, re-encoded) practice logo; stored once per content hash. */
export const brandLogos = pgTable(
  'brand_logos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    sha256: text('sha256').notNull(),
    mimeType: text('mime_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: bytea('bytes').notNull(),
    createdAt: createdAt(),
  },
  (table) => [unique('brand_logos_practice_sha_unique').on(table.practiceId, table.sha256)],
);

/** The brand-kit settings saved with each version (validated by @groundwork/pdf's schema). */
export interface StoredBrandKit {
  primaryColor: string;
  accentColor: string;
  fontFamily: string;
  address?: string | undefined;
  phone?: string | undefined;
  emergencyPhone?: string | undefined;
  website?: string | undefined;
  footerNote?: string | undefined;
}

/**
 * Every saved state of a practice's brand kit. Rows are never updated: each
 * change inserts version n+1, and generated documents remember the version.
 */
export const brandKitVersions = pgTable(
  'brand_kit_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    settings: jsonb('settings').$type<StoredBrandKit>().notNull(),
    logoId: uuid('logo_id').references(() => brandLogos.id, { onDelete: 'restrict' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [unique('brand_kit_versions_practice_version_unique').on(table.practiceId, table.version)],
);

/** Kinds of generated document recorded in the activity log. */
export const generatedDocumentKind = pgEnum('generated_document_kind', ['handout', 'consent']);

/**
 * Who generated which document, in which version, language and paper size,
 * with which brand-kit version, and when. Never any patient detail.
 */
export const documentActivity = pgTable(
  'document_activity',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    kind: generatedDocumentKind('kind').notNull(),
    documentId: text('document_id').notNull(),
    documentVersion: text('document_version').notNull(),
    locale: text('locale').notNull(),
    paper: text('paper').notNull(),
    /** Route variant of a consent form (`iv`, `im`, …); empty for handouts. */
    routes: text('routes').array().notNull().default([]),
    brandKitVersionId: uuid('brand_kit_version_id').references(() => brandKitVersions.id, {
      onDelete: 'set null',
    }),
    brandKitVersion: integer('brand_kit_version'),
    createdAt: createdAt(),
  },
  (table) => [index('document_activity_practice_idx').on(table.practiceId, table.createdAt)],
);
