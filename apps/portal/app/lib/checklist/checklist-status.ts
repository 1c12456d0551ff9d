/** Item statuses, in workflow order; the same ids as @groundwork/pdf's CHECKLIST_STATUSES. */
export const CHECKLIST_STATUSES = ['to-do', 'in-progress', 'done', 'not-applicable'] as const;

/** Where a checklist item stands. */
export type ChecklistStatus = (typeof CHECKLIST_STATUSES)[number];

/** Human labels for statuses (shared by pages, CSV and PDF). */
export const STATUS_LABELS: Record<ChecklistStatus, string> = {
  'to-do': 'To do',
  'in-progress': 'In progress',
  done: 'Done',
  'not-applicable': 'Not applicable',
};

/** The fields a member can change on an item, in display order. */
export const ITEM_FIELDS = [
  'status',
  'notApplicableReason',
  'assigneeId',
  'dueDate',
  'notes',
  'evidenceLinks',
] as const;

/** One editable field of a checklist item. */
export type ItemField = (typeof ITEM_FIELDS)[number];

/** Human labels for the editable fields (history and conflict messages). */
export const FIELD_LABELS: Record<ItemField, string> = {
  status: 'Status',
  notApplicableReason: 'Reason it does not apply',
  assigneeId: 'Assignee',
  dueDate: 'Due date',
  notes: 'Notes',
  evidenceLinks: 'Evidence links',
};

/** Done and applicable counts: not-applicable items leave the total, like the PDF report. */
export interface Progress {
  done: number;
  inProgress: number;
  total: number;
  /** Whole percent done of total (100 when nothing applies). */
  percent: number;
}

/** Counts progress over items' statuses. */
export function progressOf(items: ReadonlyArray<{ status: ChecklistStatus }>): Progress {
  const applicable = items.filter((item) => item.status !== 'not-applicable');
  const done = applicable.filter((item) => item.status === 'done').length;
  const inProgress = applicable.filter((item) => item.status === 'in-progress').length;
  const total = applicable.length;
  return {
    done,
    inProgress,
    total,
    percent: total === 0 ? 100 : Math.floor((done / total) * 100),
  };
}

/** Whether an item still blocks launch (neither done nor not applicable). */
export function isOpen(status: ChecklistStatus): boolean {
  return status === 'to-do' || status === 'in-progress';
}
