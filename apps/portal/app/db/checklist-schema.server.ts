import { sql } from 'drizzle-orm';
import {
  date,
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
import { practices, users } from './schema.server';

/**
 * Tables of the onboarding-checklist feature, kept apart from the spine's
 * schema so feature branches merge cleanly. Progress is keyed by the
 * template's stable item ids and is never deleted when an item stops applying
 * (profile change) or leaves the template, so nothing done is ever lost.
 */

/** Where an item stands; the same ids as @groundwork/pdf's CHECKLIST_STATUSES. */
export const checklistStatus = pgEnum('checklist_status', [
  'to-do',
  'in-progress',
  'done',
  'not-applicable',
]);

/** One practice's progress on one template item. `version` counts accepted changes. */
export const checklistItems = pgTable(
  'checklist_items',
  {
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    status: checklistStatus('status').notNull().default('to-do'),
    /** Why the item does not apply (required when status is not-applicable). */
    notApplicableReason: text('not_applicable_reason'),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    dueDate: date('due_date', { mode: 'string' }),
    notes: text('notes').notNull().default(''),
    evidenceLinks: text('evidence_links').array().notNull().default(sql`'{}'::text[]`),
    /** Optimistic-concurrency version: 0 when created, +1 per accepted change. */
    version: integer('version').notNull().default(0),
    /** Content hash of the item the practice last acknowledged; null = never seen (new). */
    seenContentHash: text('seen_content_hash'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [primaryKey({ columns: [table.practiceId, table.itemId] })],
);

/** Per practice: which template version it last acknowledged. */
export const checklistStates = pgTable('checklist_states', {
  practiceId: uuid('practice_id')
    .primaryKey()
    .references(() => practices.id, { onDelete: 'cascade' }),
  seenTemplateVersion: text('seen_template_version').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One field change inside a history entry. */
export interface ChecklistFieldChange {
  field: string;
  from: string | string[] | null;
  to: string | string[] | null;
}

/** Every accepted change to an item: who, what changed from what to what, when. */
export const checklistItemEvents = pgTable(
  'checklist_item_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    /** The item's version after this change: one event per version. */
    version: integer('version').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** The actor's name when they made the change (kept if the account goes). */
    actorName: text('actor_name').notNull(),
    changes: jsonb('changes').$type<ChecklistFieldChange[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('checklist_item_events_version_unique').on(
      table.practiceId,
      table.itemId,
      table.version,
    ),
    index('checklist_item_events_practice_idx').on(table.practiceId, table.createdAt),
  ],
);
