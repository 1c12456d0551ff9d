import * as z from 'zod';

/** Statuses a checklist item can have. */
export const CHECKLIST_STATUSES = ['to-do', 'in-progress', 'done', 'not-applicable'] as const;

/** A checklist item status. */
export type ChecklistStatus = (typeof CHECKLIST_STATUSES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });

/** Items done out of items that apply (not-applicable items are left out of `total`). */
export const ChecklistProgressSchema = z
  .object({
    done: z.number().int().min(0),
    total: z.number().int().min(0),
  })
  .refine((progress) => progress.done <= progress.total, {
    message: 'done cannot be more than total',
    path: ['done'],
  });

/** Progress counts for a checklist or one of its sections. */
export type ChecklistProgress = z.output<typeof ChecklistProgressSchema>;

/** One checklist item as it stands for a practice. */
export const ChecklistReportItemSchema = z.object({
  id: text(120),
  /** Id of the section the item belongs to. */
  section: text(120),
  title: text(400),
  status: z.enum(CHECKLIST_STATUSES),
  /** Why an item does not apply (or any note on its status). */
  reason: z.string().trim().max(1000).optional(),
  assignee: z.string().trim().max(200).optional(),
  dueDate: isoDate.optional(),
});

/** A checklist item in a report. */
export type ChecklistReportItem = z.output<typeof ChecklistReportItemSchema>;

/**
 * A practice's onboarding checklist at a moment in time, as the portal builds
 * it for {@link renderChecklistReport}: who, when, which template version,
 * overall and per-section progress, and every item's status.
 */
export const ChecklistReportSchema = z
  .object({
    practiceName: text(200),
    generatedAt: z
      .union([z.date(), z.iso.datetime({ offset: true })])
      .transform((value) => new Date(value)),
    template: z.object({
      id: text(120),
      version: text(40),
      title: text(200),
    }),
    overall: ChecklistProgressSchema,
    sections: z
      .array(z.object({ id: text(120), title: text(300), progress: ChecklistProgressSchema }))
      .min(1),
    items: z.array(ChecklistReportItemSchema),
  })
  .superRefine((report, context) => {
    const sections = new Set(report.sections.map((section) => section.id));
    report.items.forEach((item, index) => {
      if (!sections.has(item.section)) {
        context.addIssue({
          code: 'custom',
          path: ['items', index, 'section'],
          message: `names section "${item.section}", which is not in sections (${[...sections].join(', ')})`,
        });
      }
    });
  });

/** A checklist report as accepted (dates may be ISO strings). */
export type ChecklistReportInput = z.input<typeof ChecklistReportSchema>;
/** A parsed checklist report. */
export type ChecklistReport = z.output<typeof ChecklistReportSchema>;

/** Counts done and applicable items, for building a report's `overall` and section `progress`. */
export function checklistProgress(
  items: readonly { status: ChecklistStatus }[],
): ChecklistProgress {
  const applicable = items.filter((item) => item.status !== 'not-applicable');
  return {
    done: applicable.filter((item) => item.status === 'done').length,
    total: applicable.length,
  };
}
