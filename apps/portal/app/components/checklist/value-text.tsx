import { FIELD_LABELS, STATUS_LABELS } from '../../lib/checklist/checklist-status';
import type { ChecklistStatus, ItemField } from '../../lib/checklist/checklist-status';

/** A stored field value as words: statuses by label, assignees by name, empties as "(none)". */
export function valueText(
  field: string,
  value: unknown,
  memberNames: Record<string, string>,
): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.join(', ');
  if (field === 'status') return STATUS_LABELS[value as ChecklistStatus] ?? String(value);
  if (field === 'assigneeId') return memberNames[String(value)] ?? 'a former member';
  return String(value);
}

/** A field's label. */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field as ItemField] ?? field;
}
