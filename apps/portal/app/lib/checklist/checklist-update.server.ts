import type { ChecklistTemplate } from '@groundwork/content';
import { and, asc, eq, gt } from 'drizzle-orm';
import * as z from 'zod';
import type { Db } from '../../db/client.server';
import { checklistItemEvents, checklistItems } from '../../db/checklist-schema.server';
import type { ChecklistFieldChange } from '../../db/checklist-schema.server';
import { memberships } from '../../db/schema.server';
import { ensureChecklistRows } from './checklist.server';
import { applicableItemIds, templateItems } from './checklist-template.server';
import { CHECKLIST_STATUSES, ITEM_FIELDS } from './checklist-status';
import type { ItemField } from './checklist-status';
import type { Practice } from '../practices/practices.server';

const MAX_LINKS = 20;

const evidenceLink = z
  .url({
    protocol: /^https?$/,
    error: 'Each evidence link must be an http:// or https:// address.',
  })
  .max(2000, 'An evidence link can be at most 2,000 characters.');

/**
 * A change to one item, as posted by a form: the version the member saw and
 * only the fields the form carries (absent = leave as is). Empty assignee or
 * due date clears it; evidence links come one per line.
 */
export const ItemPatchSchema = z.object({
  expectedVersion: z
    .string({ error: 'The form is missing the item version; reload the page.' })
    .regex(/^\d{1,9}$/, 'The form is missing the item version; reload the page.')
    .transform(Number),
  status: z.enum(CHECKLIST_STATUSES, { error: 'Choose a status.' }).optional(),
  notApplicableReason: z
    .string()
    .trim()
    .max(1000, 'The reason can be at most 1,000 characters.')
    .transform((value) => (value === '' ? null : value))
    .optional(),
  assigneeId: z
    .union([z.literal('').transform(() => null), z.uuid('Choose a member of the practice.')])
    .optional(),
  dueDate: z
    .union([z.literal('').transform(() => null), z.iso.date('Enter the due date as YYYY-MM-DD.')])
    .optional(),
  notes: z.string().max(5000, 'Notes can be at most 5,000 characters.').optional(),
  evidenceLinks: z
    .string()
    .transform((value) =>
      value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    )
    .pipe(z.array(evidenceLink).max(MAX_LINKS, `At most ${MAX_LINKS} evidence links per item.`))
    .optional(),
});

/** A parsed item change. */
export type ItemPatch = z.infer<typeof ItemPatchSchema>;

/** The editable values of an item. */
export type ItemValues = {
  status: (typeof CHECKLIST_STATUSES)[number];
  notApplicableReason: string | null;
  assigneeId: string | null;
  dueDate: string | null;
  notes: string;
  evidenceLinks: string[];
};

/** What came of an update. */
export type UpdateOutcome =
  | { kind: 'saved'; version: number; changes: ChecklistFieldChange[] }
  | { kind: 'unchanged'; version: number }
  | {
      kind: 'conflict';
      current: ItemValues & { version: number };
      /** Fields the submitter changed from what they saw, with their value. */
      yourChanges: Partial<ItemValues>;
      /** Fields someone else changed since the submitter's version. */
      theirFields: ItemField[];
    }
  | { kind: 'not-found' }
  | { kind: 'invalid'; fieldErrors: Record<string, string> };

function valuesOf(row: typeof checklistItems.$inferSelect): ItemValues {
  return {
    status: row.status,
    notApplicableReason: row.notApplicableReason,
    assigneeId: row.assigneeId,
    dueDate: row.dueDate,
    notes: row.notes,
    evidenceLinks: row.evidenceLinks,
  };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function patchValues(patch: ItemPatch): Partial<ItemValues> {
  const values: Partial<ItemValues> = {};
  for (const field of ITEM_FIELDS) {
    if (patch[field] !== undefined) Object.assign(values, { [field]: patch[field] });
  }
  return values;
}

/**
 * Applies a member's change to one item with optimistic concurrency: the row
 * is locked, its version compared with the one the member saw, and the item
 * and its history entry are written in one transaction (`UPDATE ... WHERE
 * version = expected`). A stale version comes back as a conflict carrying the
 * current values and the member's own edits, so they can re-apply them.
 */
export async function updateChecklistItem(
  db: Db,
  input: {
    practice: Practice;
    template: ChecklistTemplate;
    itemId: string;
    actor: { id: string; name: string };
    patch: ItemPatch;
  },
): Promise<UpdateOutcome> {
  const { practice, template, itemId, actor, patch } = input;
  const practiceId = practice.id;
  const item = templateItems(template).find((candidate) => candidate.id === itemId);
  if (!item || !applicableItemIds(template, practice).has(itemId)) return { kind: 'not-found' };
  await ensureChecklistRows(db, { practiceId, template });
  const wanted = patchValues(patch);

  if (wanted.assigneeId) {
    const [member] = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(
        and(eq(memberships.practiceId, practiceId), eq(memberships.userId, wanted.assigneeId)),
      );
    if (!member) {
      return { kind: 'invalid', fieldErrors: { assigneeId: 'Choose a member of this practice.' } };
    }
  }

  return db.transaction(async (tx): Promise<UpdateOutcome> => {
    const [row] = await tx
      .select()
      .from(checklistItems)
      .where(and(eq(checklistItems.practiceId, practiceId), eq(checklistItems.itemId, itemId)))
      .for('update');
    if (!row) return { kind: 'not-found' };
    const before = valuesOf(row);

    if (row.version !== patch.expectedVersion) {
      return conflictFor(tx, {
        practiceId,
        itemId,
        row,
        before,
        wanted,
        expected: patch.expectedVersion,
      });
    }

    const after: ItemValues = { ...before, ...wanted };
    if (after.status !== 'not-applicable') after.notApplicableReason = null;
    else if (!after.notApplicableReason) {
      return {
        kind: 'invalid',
        fieldErrors: { notApplicableReason: 'Say why this item does not apply to your practice.' },
      };
    }
    const changes: ChecklistFieldChange[] = ITEM_FIELDS.filter(
      (field) => !same(before[field], after[field]),
    ).map((field) => ({ field, from: before[field], to: after[field] }));
    if (changes.length === 0) return { kind: 'unchanged', version: row.version };

    const version = row.version + 1;
    const updated = await tx
      .update(checklistItems)
      .set({ ...after, version, updatedAt: new Date(), updatedBy: actor.id })
      .where(
        and(
          eq(checklistItems.practiceId, practiceId),
          eq(checklistItems.itemId, itemId),
          eq(checklistItems.version, patch.expectedVersion),
        ),
      )
      .returning({ version: checklistItems.version });
    if (updated.length !== 1) {
      throw new Error(
        `Checklist item ${itemId} changed under a row lock; expected one row updated`,
      );
    }
    await tx.insert(checklistItemEvents).values({
      practiceId,
      itemId,
      version,
      actorId: actor.id,
      actorName: actor.name,
      changes,
    });
    return { kind: 'saved', version, changes };
  });
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Works out a conflict: which fields others changed since `expected` (from the
 * history), what the submitter saw then, and so which fields they really edited.
 */
async function conflictFor(
  tx: Tx,
  input: {
    practiceId: string;
    itemId: string;
    row: typeof checklistItems.$inferSelect;
    before: ItemValues;
    wanted: Partial<ItemValues>;
    expected: number;
  },
): Promise<UpdateOutcome> {
  const events = await tx
    .select({ changes: checklistItemEvents.changes })
    .from(checklistItemEvents)
    .where(
      and(
        eq(checklistItemEvents.practiceId, input.practiceId),
        eq(checklistItemEvents.itemId, input.itemId),
        gt(checklistItemEvents.version, input.expected),
      ),
    )
    .orderBy(asc(checklistItemEvents.version));
  // What the submitter saw: the current values, rolled back through later changes.
  const seen: Record<string, unknown> = { ...input.before };
  const theirFields = new Set<ItemField>();
  for (const event of [...events].reverse()) {
    for (const change of event.changes) {
      seen[change.field] = change.from;
      theirFields.add(change.field as ItemField);
    }
  }
  const yourChanges: Partial<ItemValues> = {};
  for (const field of ITEM_FIELDS) {
    const value = input.wanted[field];
    if (value !== undefined && !same(value, seen[field])) {
      Object.assign(yourChanges, { [field]: value });
    }
  }
  return {
    kind: 'conflict',
    current: { ...input.before, version: input.row.version },
    yourChanges,
    theirFields: ITEM_FIELDS.filter((field) => theirFields.has(field)),
  };
}
