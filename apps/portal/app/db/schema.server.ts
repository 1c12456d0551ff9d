import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { ciphertext } from './ciphertext.server';
import { patientPackets } from './packets-schema.server';

/**
 * The portal's one PostgreSQL schema. PGlite (embedded) and PostgreSQL run the
 * same tables and the same migrations in `drizzle/`. To change it: edit this
 * file, then `pnpm --filter @groundwork/portal db:generate` (docs/portal.md).
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** A member's role in one practice, from most to least powerful. */
export const memberRole = pgEnum('member_role', ['owner', 'clinician', 'staff']);

/** A person who can sign in. E-mail addresses are stored lower-cased. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: createdAt(),
});

/** A clinical practice: the tenant every practice route is scoped to. */
export const practices = pgTable('practices', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** Two-letter US state or territory code. */
  state: text('state').notNull(),
  /** Route ids from @groundwork/content (`iv`, `im`, `oral-sublingual`, `intranasal-esketamine`). */
  routes: text('routes').array().notNull().default(sql`'{}'::text[]`),
  telehealth: boolean('telehealth').notNull().default(false),
  /**
   * The member (owner or clinician) named in practice settings as medical
   * director: the one person who signs documents off for the practice.
   */
  medicalDirectorId: uuid('medical_director_id').references(() => users.id, {
    onDelete: 'set null',
  }),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Who belongs to which practice, and with what role. */
export const memberships = pgTable(
  'memberships',
  {
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: memberRole('role').notNull(),
    /**
     * Staff given the right to see patient details (packets' names, e-mails
     * and dates of birth, patient records). Owners and clinicians have it by
     * their role; see app/lib/auth/patient-details-right.ts.
     */
    maySeePatientDetails: boolean('may_see_patient_details').notNull().default(false),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.practiceId, table.userId] }),
    index('memberships_user_idx').on(table.userId),
  ],
);

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    currentPracticeId: uuid('current_practice_id').references(() => practices.id, {
      onDelete: 'set null',
    }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);

/** An invitation to join a practice. The link's token is single-use; only its hash is stored. */
export const invites = pgTable(
  'invites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: memberRole('role').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [index('invites_practice_idx').on(table.practiceId)],
);

/**
 * Fixed-window counters for throttling (log-in per account and per IP, sign-up
 * and password-reset requests per IP, ...). One row per key, counted with one
 * atomic `INSERT ... ON CONFLICT DO UPDATE`, so every instance shares them and
 * concurrent requests cannot overtake the limit (app/lib/rate-limit.server.ts).
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    /** What is counted, e.g. `login:account:<email>` or `signup:ip:<address>`. */
    key: text('key').primaryKey(),
    count: integer('count').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  },
  (table) => [index('rate_limits_window_start_idx').on(table.windowStart)],
);

/**
 * E-mails written by the development/test mail transport (shown on
 * /dev/outbox). The recipient and the body can be a patient's, so both are
 * ciphertext under the data key (`key_id`); secrets in the body (links'
 * tokens) are redacted before it is encrypted. A packet's e-mails go with its
 * personal data (retention, revoking, deleting the packet).
 */
export const outboxEmails = pgTable(
  'outbox_emails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    keyId: text('key_id').notNull(),
    /** The packet the e-mail is about (its link), if any. */
    packetId: uuid('packet_id').references(() => patientPackets.id, { onDelete: 'cascade' }),
    to: ciphertext('to').notNull(),
    /** Practice name and purpose only, never a patient's details. */
    subject: text('subject').notNull(),
    text: ciphertext('text').notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('outbox_emails_packet_idx').on(table.packetId)],
);

/** Instance-wide settings shared by every server, e.g. a generated session secret. */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt(),
});

// ---------------------------------------------------------------------------
// Branded documents (branch portal-documents): brand kit, handout studio,
// consent generator. Kept together at the end of the file so parallel
// branches adding tables merge without touching each other's lines.
// ---------------------------------------------------------------------------

// Nothing in these tables ever holds a patient's details.

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value),
});

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

/**
 * The brand-kit settings saved with each version: @groundwork/pdf's brand-kit
 * input minus the practice name (from `practices`) and the logo (`brand_logos`).
 */
export interface StoredBrandKit {
  colours: { primary: string; accent: string };
  typeface: string;
  practice: {
    address?: string | undefined;
    phone?: string | undefined;
    emergencyPhone?: string | undefined;
    website?: string | undefined;
  };
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
    logoId: uuid('logo_id').references(() => brandLogos.id, { onDelete: 'no action' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [
    unique('brand_kit_versions_practice_version_unique').on(table.practiceId, table.version),
  ],
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
    routes: text('routes').array().notNull().default(sql`'{}'::text[]`),
    brandKitVersionId: uuid('brand_kit_version_id').references(() => brandKitVersions.id, {
      onDelete: 'set null',
    }),
    brandKitVersion: integer('brand_kit_version'),
    createdAt: createdAt(),
  },
  (table) => [index('document_activity_practice_idx').on(table.practiceId, table.createdAt)],
);

// ---------------------------------------------------------------------------
// Account recovery and the practice audit log (branch hardening-portal).
// ---------------------------------------------------------------------------

/** A password-reset link: single use, one hour; only the token's SHA-256 is stored. */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (table) => [index('password_resets_user_idx').on(table.userId)],
);

/** What a practice audit entry records (app/lib/audit.server.ts). */
export type PracticeAuditAction =
  | 'log-in'
  | 'log-out'
  | 'role-changed'
  | 'member-removed'
  | 'member-left'
  | 'settings-changed'
  | 'medical-director-changed'
  | 'document-signed-off'
  | 'patient-details-granted'
  | 'patient-details-revoked'
  | 'seal-certificate-uploaded'
  | 'seal-certificate-reverted';

/** Details of an audit entry: people and settings, never patient data. */
export interface PracticeAuditDetails {
  /** The member acted on (role change, removal), with their name at the time. */
  subject?: { userId: string; name: string };
  /** Role before and after (role-changed). */
  from?: string;
  to?: string;
  /** Profile fields changed, with values before and after (settings-changed). */
  changes?: Array<{ field: string; from: string; to: string }>;
  /** Log-out: every browser of the user ("log out everywhere"). */
  everywhere?: boolean;
  /** Document sign-off: which document, in which version, as whom. */
  document?: { id: string; version: string; title: string; signedAs: string };
  /** Sealing certificate uploaded or reverted: its subject and SHA-256 fingerprint. */
  certificate?: { subject: string; sha256: string };
}

/**
 * Who did what to a practice's membership, settings and sessions, for its
 * owners (/practices/:id/audit). Append-only. The actor's name is copied so
 * the entry still reads right after they leave.
 */
export const practiceAuditLog = pgTable(
  'practice_audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    action: text('action').$type<PracticeAuditAction>().notNull(),
    details: jsonb('details').$type<PracticeAuditDetails>().notNull().default({}),
    createdAt: createdAt(),
  },
  (table) => [index('practice_audit_log_practice_idx').on(table.practiceId, table.createdAt)],
);
