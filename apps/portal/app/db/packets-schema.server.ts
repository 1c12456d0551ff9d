import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { ciphertext } from './ciphertext.server';
import { patients } from './measures-schema.server';
import { practices, users } from './schema.server';

/**
 * Tables of patient packets: the handouts and consent form a clinician sends
 * one patient, what the patient did with them, and the sealed PDF. This is
 * the portal's only store of patient data: every patient field and file is
 * AES-256-GCM ciphertext (app/lib/crypto.server.ts) under a key kept outside
 * the database, and `key_id` names the key so it can be rotated. A practice's
 * retention period ends with the personal data wiped (`purged_at`), leaving
 * the packet's shape and its events without IP addresses or user agents.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const at = (name: string) => timestamp(name, { withTimezone: true });

/** Per-practice packet settings: retention, and the key that seals signed PDFs. */
export const packetSettings = pgTable('packet_settings', {
  practiceId: uuid('practice_id')
    .primaryKey()
    .references(() => practices.id, { onDelete: 'cascade' }),
  /** Days after sending until the packet's personal data is deleted. */
  retentionDays: integer('retention_days').notNull().default(365),
  /** Data key that encrypted `seal_pkcs12`. */
  sealKeyId: text('seal_key_id'),
  /** The practice's PKCS#12 (private key + self-signed certificate), encrypted. */
  sealPkcs12: ciphertext('seal_pkcs12'),
  /** SHA-256 of the sealing certificate (DER), shown to the practice. */
  sealCertificateSha256: text('seal_certificate_sha256'),
  /** Data key that encrypted `own_seal_pkcs12`. */
  ownSealKeyId: text('own_seal_key_id'),
  /**
   * The practice's own uploaded certificate and key (PKCS#12, re-packed under
   * the portal's passphrase), encrypted. When set, PDFs are sealed with it
   * instead of the generated one, which is kept for going back.
   */
  ownSealPkcs12: ciphertext('own_seal_pkcs12'),
  /** SHA-256 of the uploaded certificate (DER). */
  ownSealCertificateSha256: text('own_seal_certificate_sha256'),
  ownSealUploadedAt: timestamp('own_seal_uploaded_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One patient's packet. The link's token is stored as its SHA-256 only. */
export const patientPackets = pgTable(
  'patient_packets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** The patient record this packet belongs to, when the clinician keeps one (measurement-based care). */
    patientId: uuid('patient_id').references(() => patients.id, { onDelete: 'set null' }),
    /** Language the patient reads the documents in (`en`, `es`). */
    locale: text('locale').notNull(),
    /** Data key that encrypted this row's patient fields and sealed PDF. */
    keyId: text('key_id').notNull(),
    patientName: ciphertext('patient_name'),
    patientEmail: ciphertext('patient_email'),
    patientBirthDate: ciphertext('patient_birth_date'),
    /** SHA-256 (hex) of the current link's token; null once revoked or purged. */
    tokenHash: text('token_hash').unique(),
    tokenExpiresAt: at('token_expires_at'),
    /** Wrong dates of birth entered in a row; the link locks at 5. */
    birthDateFailures: integer('birth_date_failures').notNull().default(0),
    lockedAt: at('locked_at'),
    revokedAt: at('revoked_at'),
    /** When the patient finished signing (the link then stops working). */
    completedAt: at('completed_at'),
    countersignedAt: at('countersigned_at'),
    sealedAt: at('sealed_at'),
    sealedPdf: ciphertext('sealed_pdf'),
    sealedSha256: text('sealed_sha256'),
    /** End of the retention period: the server deletes personal data after it. */
    retainUntil: at('retain_until').notNull(),
    purgedAt: at('purged_at'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('patient_packets_practice_idx').on(table.practiceId, table.createdAt),
    index('patient_packets_retain_idx').on(table.retainUntil),
  ],
);

/** A document in a packet: which content version was shown, and where the patient is with it. */
export const packetDocuments = pgTable(
  'packet_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    packetId: uuid('packet_id')
      .notNull()
      .references(() => patientPackets.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** `handout` (read) or `consent` (initialled and signed). */
    kind: text('kind').notNull(),
    documentId: text('document_id').notNull(),
    documentVersion: text('document_version').notNull(),
    locale: text('locale').notNull(),
    /** Routes of administration a consent form covers; empty for handouts. */
    routes: text('routes').array().notNull().default(sql`'{}'::text[]`),
    /** SHA-256 of the exact document content the patient was shown. */
    contentSha256: text('content_sha256').notNull(),
    openedAt: at('opened_at'),
    signedAt: at('signed_at'),
    countersignedAt: at('countersigned_at'),
    keyId: text('key_id'),
    /** The patient's initials per acknowledgement (JSON `{ blockId: initials }`), encrypted. */
    initials: ciphertext('initials'),
  },
  (table) => [
    index('packet_documents_practice_packet_idx').on(table.practiceId, table.packetId),
    unique('packet_documents_packet_position_unique').on(table.packetId, table.position),
  ],
);

/** A signature on a packet document by one party (patient, clinician, witness). */
export const packetSignatures = pgTable(
  'packet_signatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    packetId: uuid('packet_id')
      .notNull()
      .references(() => patientPackets.id, { onDelete: 'cascade' }),
    packetDocumentId: uuid('packet_document_id')
      .notNull()
      .references(() => packetDocuments.id, { onDelete: 'cascade' }),
    party: text('party').notNull(),
    /** The member who signed (clinician, witness); null for the patient. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    keyId: text('key_id').notNull(),
    signerName: ciphertext('signer_name').notNull(),
    /** `drawn` (pointer) or `typed` (keyboard: the typed name is the signature). */
    method: text('method').notNull(),
    /** The drawn signature as PNG, encrypted; null for typed signatures. */
    image: ciphertext('image'),
    ipAddress: ciphertext('ip_address'),
    userAgent: ciphertext('user_agent'),
    /** SHA-256 of the document content signed (packet_documents.content_sha256). */
    documentSha256: text('document_sha256').notNull(),
    /** When the signer agreed to sign electronically. */
    electronicConsentAt: at('electronic_consent_at').notNull(),
    signedAt: at('signed_at').notNull().defaultNow(),
  },
  (table) => [
    index('packet_signatures_practice_packet_idx').on(table.practiceId, table.packetId),
    unique('packet_signatures_document_party_unique').on(table.packetDocumentId, table.party),
  ],
);

/**
 * What happened to a packet, in order: sent, opened, date of birth refused,
 * viewed, signed, downloaded, countersigned, revoked, purged. The actor's IP
 * and user agent are encrypted personal data, wiped with the rest.
 */
export const packetEvents = pgTable(
  'packet_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    packetId: uuid('packet_id')
      .notNull()
      .references(() => patientPackets.id, { onDelete: 'cascade' }),
    packetDocumentId: uuid('packet_document_id').references(() => packetDocuments.id, {
      onDelete: 'cascade',
    }),
    type: text('type').notNull(),
    /** `patient`, `member` (userId says who) or `system`. */
    actor: text('actor').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    keyId: text('key_id'),
    ipAddress: ciphertext('ip_address'),
    userAgent: ciphertext('user_agent'),
    createdAt: createdAt(),
  },
  (table) => [
    index('packet_events_practice_packet_idx').on(
      table.practiceId,
      table.packetId,
      table.createdAt,
    ),
  ],
);
