import { useFetcher } from '@remix-run/react';
import {
  CHECKLIST_STATUSES,
  ITEM_FIELDS,
  STATUS_LABELS,
} from '../../lib/checklist/checklist-status';
import type { ChecklistStatus, ItemField } from '../../lib/checklist/checklist-status';
import { fieldLabel, valueText } from './value-text';

/** The editable values and version of an item as the page has them. */
export interface EditableProgress {
  status: ChecklistStatus;
  notApplicableReason: string | null;
  assignee: { id: string; name: string } | null;
  dueDate: string | null;
  notes: string;
  evidenceLinks: string[];
  version: number;
}

type Values = {
  status: ChecklistStatus;
  notApplicableReason: string | null;
  assigneeId: string | null;
  dueDate: string | null;
  notes: string;
  evidenceLinks: string[];
};

/** What the item action answers (checklist-actions.server.ts). */
export interface ItemFormResult {
  itemId: string;
  ok: boolean;
  saved?: boolean;
  formError?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string | string[]>;
  conflict?: {
    current: Values & { version: number };
    yourChanges: Partial<Values>;
    theirFields: ItemField[];
  };
}

/** The fetcher key of an item's edit form, so the page can show its pending values. */
export const EDIT_FETCHER_KEY = 'checklist-item-edit';

function formText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return Array.isArray(value) ? value.join('\n') : String(value);
}

function fieldId(name: string) {
  return `item-${name}`;
}

function ErrorText({ errors, name }: { errors?: Record<string, string>; name: string }) {
  const message = errors?.[name];
  return message ? (
    <span id={`${fieldId(name)}-error`} className="field-error">
      {message}
    </span>
  ) : null;
}

function invalidProps(errors: Record<string, string> | undefined, name: string) {
  return errors?.[name]
    ? { 'aria-invalid': true as const, 'aria-describedby': `${fieldId(name)}-error` }
    : {};
}

/**
 * The item's edit form. It posts every field plus the version the member saw;
 * without JavaScript it is a plain form. With JavaScript it submits through a
 * fetcher: the page shows the new values at once and falls back to the saved
 * ones if the server refuses. On a version conflict it shows the current
 * values next to the member's own edits and offers to re-apply them.
 */
export function ItemEditForm({
  progress,
  members,
  memberNames,
  actionData,
}: {
  progress: EditableProgress;
  members: Array<{ id: string; name: string }>;
  memberNames: Record<string, string>;
  actionData?: ItemFormResult;
}) {
  const fetcher = useFetcher<ItemFormResult>({ key: EDIT_FETCHER_KEY });
  const result = fetcher.state === 'idle' ? (fetcher.data ?? actionData) : undefined;
  const conflict = result?.conflict;
  const fresher = conflict && conflict.current.version > progress.version ? conflict.current : null;
  const base: Values & { version: number } = fresher ?? {
    status: progress.status,
    notApplicableReason: progress.notApplicableReason,
    assigneeId: progress.assignee?.id ?? null,
    dueDate: progress.dueDate,
    notes: progress.notes,
    evidenceLinks: progress.evidenceLinks,
    version: progress.version,
  };
  const errors = result && !result.ok && !conflict ? result.fieldErrors : undefined;
  const echoed = errors ? result?.values : undefined;
  const initial = (name: keyof Values) =>
    typeof echoed?.[name] === 'string' ? String(echoed[name]) : formText(base[name]);

  return (
    <>
      {result?.ok && result.saved ? <output className="success">Saved.</output> : null}
      {result && !result.ok && result.formError ? (
        <p className="form-error" role="alert">
          {result.formError}
        </p>
      ) : null}
      {conflict ? <ConflictPanel conflict={conflict} memberNames={memberNames} /> : null}
      <fetcher.Form
        method="post"
        className="item-form"
        key={`${base.version}-${errors ? 'e' : ''}`}
      >
        <h3>Update this item</h3>
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="expectedVersion" value={base.version} />
        <div className="field">
          <label htmlFor={fieldId('status')}>Status</label>
          <select id={fieldId('status')} name="status" defaultValue={initial('status')}>
            {CHECKLIST_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={fieldId('notApplicableReason')}>
            Why it does not apply (needed when the status is “Not applicable”)
          </label>
          <textarea
            id={fieldId('notApplicableReason')}
            name="notApplicableReason"
            rows={2}
            defaultValue={initial('notApplicableReason')}
            {...invalidProps(errors, 'notApplicableReason')}
          />
          <ErrorText errors={errors} name="notApplicableReason" />
        </div>
        <div className="field">
          <label htmlFor={fieldId('assigneeId')}>Assignee</label>
          <select
            id={fieldId('assigneeId')}
            name="assigneeId"
            defaultValue={initial('assigneeId')}
            {...invalidProps(errors, 'assigneeId')}
          >
            <option value="">Unassigned</option>
            {members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </select>
          <ErrorText errors={errors} name="assigneeId" />
        </div>
        <div className="field">
          <label htmlFor={fieldId('dueDate')}>Due date</label>
          <input
            id={fieldId('dueDate')}
            name="dueDate"
            type="date"
            defaultValue={initial('dueDate')}
            {...invalidProps(errors, 'dueDate')}
          />
          <ErrorText errors={errors} name="dueDate" />
        </div>
        <div className="field">
          <label htmlFor={fieldId('notes')}>Notes</label>
          <textarea
            id={fieldId('notes')}
            name="notes"
            rows={4}
            defaultValue={initial('notes')}
            {...invalidProps(errors, 'notes')}
          />
          <ErrorText errors={errors} name="notes" />
        </div>
        <div className="field">
          <label htmlFor={fieldId('evidenceLinks')}>
            Evidence links (one http:// or https:// address per line)
          </label>
          <textarea
            id={fieldId('evidenceLinks')}
            name="evidenceLinks"
            rows={3}
            defaultValue={initial('evidenceLinks')}
            {...invalidProps(errors, 'evidenceLinks')}
          />
          <ErrorText errors={errors} name="evidenceLinks" />
        </div>
        <button type="submit" disabled={fetcher.state !== 'idle'}>
          {fetcher.state === 'idle' ? 'Save changes' : 'Saving…'}
        </button>
      </fetcher.Form>
    </>
  );
}

function ConflictPanel({
  conflict,
  memberNames,
}: {
  conflict: NonNullable<ItemFormResult['conflict']>;
  memberNames: Record<string, string>;
}) {
  const yours = ITEM_FIELDS.filter((field) => conflict.yourChanges[field] !== undefined);
  const shown = ITEM_FIELDS.filter(
    (field) => yours.includes(field) || conflict.theirFields.includes(field),
  );
  const fetcher = useFetcher<ItemFormResult>({ key: EDIT_FETCHER_KEY });
  return (
    <section className="conflict" aria-labelledby="conflict-heading">
      <h3 id="conflict-heading">
        Changed by someone else (now version {conflict.current.version})
      </h3>
      <table>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Saved now</th>
            <th scope="col">Your change</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((field) => (
            <tr key={field}>
              <th scope="row">
                {fieldLabel(field)}
                {conflict.theirFields.includes(field) && yours.includes(field)
                  ? ' (both changed)'
                  : ''}
              </th>
              <td>{valueText(field, conflict.current[field], memberNames)}</td>
              <td>
                {yours.includes(field)
                  ? valueText(field, conflict.yourChanges[field], memberNames)
                  : '(unchanged)'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {yours.length > 0 ? (
        <fetcher.Form method="post">
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name="expectedVersion" value={conflict.current.version} />
          {yours.map((field) => (
            <input
              key={field}
              type="hidden"
              name={field}
              value={formText(conflict.yourChanges[field])}
            />
          ))}
          <button type="submit">Re-apply my changes</button>
        </fetcher.Form>
      ) : (
        <p>Your form matched what is saved now; nothing to re-apply.</p>
      )}
    </section>
  );
}
