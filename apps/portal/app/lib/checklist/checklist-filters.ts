import * as z from 'zod';
import { CHECKLIST_STATUSES } from './checklist-status';
import type { ChecklistStatus } from './checklist-status';

/** List filters from the query string; anything unrecognised is ignored rather than an error. */
export const ChecklistFiltersSchema = z.object({
  status: z
    .enum([...CHECKLIST_STATUSES, 'open'])
    .optional()
    .catch(undefined),
  /** `me`, `unassigned` or a member's user id. */
  assignee: z
    .union([z.enum(['me', 'unassigned']), z.uuid()])
    .optional()
    .catch(undefined),
  overdue: z.literal('1').optional().catch(undefined),
  section: z.string().max(100).optional().catch(undefined),
});

/** Parsed list filters. */
export type ChecklistFilters = z.infer<typeof ChecklistFiltersSchema>;

/** Reads the filters from a URL's search params. */
export function parseChecklistFilters(params: URLSearchParams): ChecklistFilters {
  const raw = Object.fromEntries(
    ['status', 'assignee', 'overdue', 'section']
      .map((name) => [name, params.get(name) || undefined] as const)
      .filter(([, value]) => value !== undefined),
  );
  return ChecklistFiltersSchema.parse(raw);
}

/** Whether an entry passes the filters (`me` is the signed-in user). */
export function matchesFilters(
  entry: {
    status: ChecklistStatus;
    assignee: { id: string } | null;
    overdue: boolean;
    sectionId: string;
  },
  filters: ChecklistFilters,
  currentUserId: string,
): boolean {
  if (filters.status === 'open' && (entry.status === 'done' || entry.status === 'not-applicable'))
    return false;
  if (filters.status && filters.status !== 'open' && entry.status !== filters.status) return false;
  if (filters.assignee === 'unassigned' && entry.assignee) return false;
  if (filters.assignee === 'me' && entry.assignee?.id !== currentUserId) return false;
  if (
    filters.assignee &&
    filters.assignee !== 'me' &&
    filters.assignee !== 'unassigned' &&
    entry.assignee?.id !== filters.assignee
  )
    return false;
  if (filters.overdue && !entry.overdue) return false;
  return !filters.section || entry.sectionId === filters.section;
}
