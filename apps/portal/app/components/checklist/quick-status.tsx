import { useFetcher } from '@remix-run/react';
import type { ChecklistStatus } from '../../lib/checklist/checklist-status';
import { StatusBadge } from './status-badge';

/** What an item action answers (see checklist-actions.server.ts). */
export interface ItemActionData {
  itemId: string;
  ok: boolean;
  formError?: string;
  fieldErrors?: Record<string, string>;
  conflict?: unknown;
}

/**
 * An item's status with one-click "Start" / "Mark done" / "Reopen" buttons.
 * With JavaScript it posts through a fetcher and shows the new status at once,
 * falling back to the saved status if the server refuses; without JavaScript it
 * is a plain form posting the version the member saw.
 */
export function QuickStatus({
  itemId,
  itemTitle,
  status,
  version,
  action,
  fallback,
}: {
  itemId: string;
  itemTitle: string;
  status: ChecklistStatus;
  version: number;
  /** Where to post (defaults to the current route). */
  action?: string;
  /** The page's action data, for the no-JavaScript path. */
  fallback?: ItemActionData;
}) {
  const fetcher = useFetcher<ItemActionData>({ key: `quick-${itemId}` });
  const pending = fetcher.state !== 'idle' ? fetcher.formData?.get('status') : null;
  const shown = (typeof pending === 'string' ? pending : status) as ChecklistStatus;
  const result = fetcher.data ?? (fallback?.itemId === itemId ? fallback : undefined);
  const next: Array<[ChecklistStatus, string]> =
    shown === 'done' || shown === 'not-applicable'
      ? [['to-do', 'Reopen']]
      : shown === 'in-progress'
        ? [['done', 'Mark done']]
        : [
            ['in-progress', 'Start'],
            ['done', 'Mark done'],
          ];
  return (
    <div className="quick-status">
      <StatusBadge status={shown} pending={typeof pending === 'string'} />
      <fetcher.Form method="post" action={action} className="inline-form">
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="itemId" value={itemId} />
        <input type="hidden" name="expectedVersion" value={version} />
        {next.map(([value, label]) => (
          <button
            key={value}
            type="submit"
            name="status"
            value={value}
            className="button-small"
            aria-label={`${label}: ${itemTitle}`}
          >
            {label}
          </button>
        ))}
      </fetcher.Form>
      {result && !result.ok && fetcher.state === 'idle' ? (
        <p className="form-error" role="alert">
          Not saved:{' '}
          {result.conflict
            ? 'someone else changed this item; open it to see their change.'
            : (result.formError ??
              Object.values(result.fieldErrors ?? {})[0] ??
              'please try again.')}
        </p>
      ) : null}
    </div>
  );
}
