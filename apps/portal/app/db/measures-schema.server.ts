import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ciphertext } from './ciphertext.server';
import { practices, users } from './schema.server';

/**
 * Tables of measurement-based care: patient records a clinician keeps on
 * purpose, and the PHQ-9 / GAD-7 / PCL-5 scores saved for them. Patient
 * fields and item answers are AES-256-GCM ciphertext (app/lib/crypto.server.ts)
 * like packets, `key_id` names the key, and a record is deleted with its
 * scores once the practice's retention period has passed since its last
 * activity (`retain_until`).
 */

const at = (name: string) => timestamp(name, { withTimezone: true });

/** A patient record of one practice: name, date of birth and an optional practice reference (MRN). */
export const patients = pgTable(
  'patients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** Data key that encrypted this row's fields. */
    keyId: text('key_id').notNull(),
    name: ciphertext('name').notNull(),
    birthDate: ciphertext('birth_date').notNull(),
    /** The practice's own reference (chart number, MRN), encrypted; null when none was given. */
    reference: ciphertext('reference'),
    /** Last time a score was saved or the record was changed: retention runs from here. */
    lastActivityAt: at('last_activity_at').notNull().defaultNow(),
    /** End of the retention period: the server deletes the record and its scores after it. */
    retainUntil: at('retain_until').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [
    index('patients_practice_idx').on(table.practiceId, table.createdAt),
    index('patients_retain_idx').on(table.retainUntil),
  ],
);

/** One saved instrument score of a patient. */
export const measurements = pgTable(
  'measurements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'cascade' }),
    /** Instrument id from @groundwork/eligibility (`phq9`, `gad7`, `pcl5`). */
    instrument: text('instrument').notNull(),
    /** Version of the scoring used (the @groundwork/eligibility release that scored it). */
    instrumentVersion: text('instrument_version').notNull(),
    total: integer('total').notNull(),
    /** Data key that encrypted `items`. */
    keyId: text('key_id'),
    /** The item answers (JSON array of numbers), encrypted; null when only the total was entered. */
    items: ciphertext('items'),
    /** Where it came from: `entered` (typed in) or `screening` (saved from the screening page). */
    source: text('source').notNull(),
    /** The day the patient completed the instrument. */
    takenOn: date('taken_on', { mode: 'string' }).notNull(),
    savedBy: uuid('saved_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [
    index('measurements_patient_idx').on(
      table.practiceId,
      table.patientId,
      table.instrument,
      table.takenOn,
    ),
  ],
);

/**
 * One screening outcome a clinician saved to a patient record on purpose:
 * the decision and its findings (each with why and its sources), encrypted
 * as one JSON value. The answers themselves are not kept; the ruleset and
 * revision that screened them are, so the outcome can be read in context.
 */
export const savedScreenings = pgTable(
  'saved_screenings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'cascade' }),
    /** The screened ruleset's id and version, and the practice's revision of it. */
    rulesetId: text('ruleset_id').notNull(),
    rulesetVersion: text('ruleset_version').notNull(),
    rulesetRevision: integer('ruleset_revision').notNull(),
    /** Data key that encrypted `outcome`. */
    keyId: text('key_id').notNull(),
    /** Decision, urgency, findings and missing answers (JSON), encrypted. */
    outcome: ciphertext('outcome').notNull(),
    /** The day the patient was screened. */
    takenOn: date('taken_on', { mode: 'string' }).notNull(),
    savedBy: uuid('saved_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [
    index('saved_screenings_patient_idx').on(table.practiceId, table.patientId, table.takenOn),
  ],
);
