import { STATUS_LABELS } from '../../lib/checklist/checklist-status';
import type { ChecklistStatus } from '../../lib/checklist/checklist-status';

/** A status pill with its label in text (colour is never the only cue). */
export function StatusBadge({
  status,
  pending = false,
}: {
  status: ChecklistStatus;
  pending?: boolean;
}) {
  return (
    <span className={`status status-${status}`} data-status={status}>
      {STATUS_LABELS[status]}
      {pending ? <span className="hint"> (saving…)</span> : null}
    </span>
  );
}

/** "New" or "Changed" since the practice last acknowledged the template. */
export function TemplateBadge({ badge }: { badge: 'new' | 'changed' | null }) {
  if (!badge) return null;
  return <span className={`badge badge-${badge}`}>{badge === 'new' ? 'New' : 'Changed'}</span>;
}
