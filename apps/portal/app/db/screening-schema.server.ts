import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { practices, users } from './schema.server';

/**
 * Tables of the screening feature: a practice's screening ruleset versions
 * and the audit trail of who changed which rule, how and why. Nothing here
 * holds a patient's answers or results: screening runs in the browser and
 * stores nothing (docs/portal.md, "Screening and practice rules").
 */

/**
 * One version of a practice's screening ruleset: the whole ruleset JSON (as
 * produced by `customize` and validated with `RulesetSchema` on write and on
 * read) plus the cumulative overrides it was built from. Append-only; the
 * highest `revision` is current. No row means the practice uses
 * `ketamine-default` unchanged (revision 0).
 */
export const practiceRulesets = pgTable(
  'practice_rulesets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    /** 1, 2, 3 … per practice; unique, so two owners saving at once cannot both win. */
    revision: integer('revision').notNull(),
    /** The complete ruleset (`Ruleset` of @groundwork/eligibility). */
    ruleset: jsonb('ruleset').notNull(),
    /** The practice's overrides of the base ruleset (`RulesetOverrides['rules']`). */
    overrides: jsonb('overrides').notNull().default(sql`'{}'::jsonb`),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // Also the index for "current version of a practice" (practice_id first).
    unique('practice_rulesets_practice_revision_unique').on(table.practiceId, table.revision),
  ],
);

/**
 * Audit trail of ruleset changes: who (user id and the name at the time),
 * what (rule id, before and after), why (required reason) and when.
 */
export const rulesetAudit = pgTable(
  'ruleset_audit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    /** The ruleset revision this change created. */
    revision: integer('revision').notNull(),
    ruleId: text('rule_id').notNull(),
    /** `{ before: {...}, after: {...} }`: severity, enabled and changed parameters. */
    change: jsonb('change').notNull(),
    reason: text('reason').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The user's name when they made the change, kept if the account goes. */
    userName: text('user_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('ruleset_audit_practice_idx').on(table.practiceId, table.createdAt)],
);
