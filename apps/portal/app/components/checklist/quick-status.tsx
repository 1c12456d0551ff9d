import { useFetcher } from '@remix-run/react';
import { useEffect, useRef } from 'react';
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
  const form = useRef<HTMLFormElement>(null);
  // The clicked button is replaced by the next step's buttons; keep focus on this item.
  const refocus = useRef(false);
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
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the status shown changes, which replaces the buttons
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    form.current?.querySelector('button')?.focus();
  }, [shown]);
  // Without JavaScript the page reloads after the post: the item just saved takes focus again.
  const focusAfterReload = fallback?.itemId === itemId && fetcher.state === 'idle' && !fetcher.data;
  return (
    <div className="quick-status">
      <StatusBadge status={shown} pending={typeof pending === 'string'} />
      <fetcher.Form
        ref={form}
        method="post"
        action={action}
        className="inline-form quick-status-buttons"
        onSubmit={() => {
          refocus.current = form.current?.contains(document.activeElement) ?? false;
        }}
      >
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="itemId" value={itemId} />
        <input type="hidden" name="expectedVersion" value={version} />
        {next.map(([value, label], index) => (
          <button
            // biome-ignore lint/a11y/noAutofocus: returns focus to the item the member just changed, after a no-JavaScript reload
            autoFocus={focusAfterReload && index === 0}
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
