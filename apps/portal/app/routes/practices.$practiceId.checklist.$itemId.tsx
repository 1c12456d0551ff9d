import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useFetcher, useLoaderData } from '@remix-run/react';
import { EDIT_FETCHER_KEY, ItemEditForm } from '../components/checklist/item-edit-form';
import type { ItemFormResult } from '../components/checklist/item-edit-form';
import { StatusBadge, TemplateBadge } from '../components/checklist/status-badge';
import { fieldLabel, valueText } from '../components/checklist/value-text';
import { listItemHistory, loadChecklistEntry } from '../lib/checklist/checklist.server';
import { handleItemAction } from '../lib/checklist/checklist-actions.server';
import { checklistTemplateFor } from '../lib/checklist/checklist-template.server';
import { requirePracticeAccess } from '../lib/auth/practice-access.server';
import { listMembers } from '../lib/practices/practices.server';
import type { ChecklistStatus } from '../lib/checklist/checklist-status';
import type { PracticeRouteHandle } from '../lib/auth/roles';
import { checklistLinks } from '../components/checklist/links';
import { readForm } from '../lib/forms.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.item.title} — Checklist — Groundwork` : 'Checklist item — Groundwork' },
];

/** The checklist stylesheet. */
export const links = checklistLinks;

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { loader: 'staff', action: 'staff' } };

/** One checklist item: why it matters, how to do it, references, progress and history. */
export async function loader(args: LoaderFunctionArgs) {
  const { practice } = await requirePracticeAccess(args);
  const { db } = args.context;
  const itemId = args.params.itemId ?? '';
  const entry = await loadChecklistEntry(db, {
    practice,
    template: checklistTemplateFor(args.context),
    itemId,
  });
  if (!entry) throw new Response('This item is not on your practice’s checklist.', { status: 404 });
  const [history, members] = await Promise.all([
    listItemHistory(db, { practiceId: practice.id, itemId }),
    listMembers(db, practice.id),
  ]);
  return {
    practiceId: practice.id,
    item: {
      id: entry.item.id,
      title: entry.item.title,
      sectionTitle: entry.item.sectionTitle,
      why: entry.item.why,
      steps: entry.item.steps,
      owner: entry.item.owner,
      references: entry.item.resolvedReferences,
    },
    progress: {
      status: entry.status,
      notApplicableReason: entry.notApplicableReason,
      assignee: entry.assignee,
      dueDate: entry.dueDate,
      notes: entry.notes,
      evidenceLinks: entry.evidenceLinks,
      version: entry.version,
      overdue: entry.overdue,
      badge: entry.badge,
    },
    members: members.map((member) => ({ id: member.userId, name: member.name })),
    history: history.map((event) => ({ ...event, createdAt: event.createdAt.toISOString() })),
  };
}

/** Change the item (with the version the member saw) or acknowledge its new/changed badge. */
export async function action(args: ActionFunctionArgs) {
  const access = await requirePracticeAccess(args);
  const formData = await readForm(args.request);
  return handleItemAction(args, access, { itemId: args.params.itemId ?? '', formData });
}

export default function ChecklistItemPage() {
  const { practiceId, item, progress, members, history } = useLoaderData<typeof loader>();
  const actionData = useActionData<ItemFormResult>();
  const acknowledge = useFetcher();
  const edit = useFetcher({ key: EDIT_FETCHER_KEY });
  const pending = edit.state !== 'idle' ? edit.formData : undefined;
  const pendingStatus = pending?.get('status');
  const shownStatus = (
    typeof pendingStatus === 'string' ? pendingStatus : progress.status
  ) as ChecklistStatus;
  const pendingNotes = pending?.get('notes');
  const shownNotes = typeof pendingNotes === 'string' ? pendingNotes : progress.notes;
  const memberNames = Object.fromEntries(members.map((member) => [member.id, member.name]));
  if (progress.assignee) memberNames[progress.assignee.id] ??= progress.assignee.name;
  return (
    <div className="item-page">
      <p>
        <Link to={`/practices/${practiceId}/checklist`}>← Back to the checklist</Link>
      </p>
      <h1>
        {item.title} <TemplateBadge badge={progress.badge} />
      </h1>
      <p className="hint">
        {item.sectionTitle} · usually owned by: {item.owner.replace('-', ' ')}
      </p>
      {progress.badge ? (
        <acknowledge.Form method="post">
          <input type="hidden" name="intent" value="acknowledge" />
          <p>
            {progress.badge === 'new'
              ? 'This item is new in the latest checklist version.'
              : 'What this item asks for changed in the latest checklist version; check your progress still fits.'}{' '}
            <button type="submit" className="button-small">
              Mark as seen
            </button>
          </p>
        </acknowledge.Form>
      ) : null}

      <section aria-labelledby="why-heading">
        <h2 id="why-heading">Why it matters</h2>
        <p>{item.why}</p>
      </section>
      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">How to do it</h2>
        <ol>
          {item.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="refs-heading">
        <h2 id="refs-heading">References</h2>
        {item.references.length === 0 ? (
          <p className="hint">No published source; the steps say whom to ask.</p>
        ) : (
          <ul>
            {item.references.map((reference) => (
              <li key={reference.id}>
                {reference.citation}
                {reference.url ? (
                  <>
                    {' '}
                    <a href={reference.url} rel="noopener noreferrer">
                      {reference.url}
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading">Your progress</h2>
        <dl className="item-summary">
          <dt>Status</dt>
          <dd data-testid="item-status">
            <StatusBadge status={shownStatus} pending={pending !== undefined} />
            {progress.notApplicableReason && !pending ? ` — ${progress.notApplicableReason}` : null}
          </dd>
          <dt>Assignee</dt>
          <dd>
            {progress.assignee
              ? `${progress.assignee.name}${progress.assignee.isMember ? '' : ' (no longer a member)'}`
              : 'Unassigned'}
          </dd>
          <dt>Due</dt>
          <dd>
            {progress.dueDate ?? 'No due date'}
            {progress.overdue ? <strong className="overdue"> — overdue</strong> : null}
          </dd>
          <dt>Notes</dt>
          <dd className="notes" data-testid="item-notes">
            {shownNotes || 'None'}
          </dd>
          <dt>Evidence</dt>
          <dd>
            {progress.evidenceLinks.length === 0 ? (
              'None yet'
            ) : (
              <ul>
                {progress.evidenceLinks.map((link) => (
                  <li key={link}>
                    <a href={link} rel="noopener noreferrer nofollow">
                      {link}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
        <ItemEditForm
          progress={progress}
          members={members}
          memberNames={memberNames}
          actionData={actionData}
        />
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        {history.length === 0 ? (
          <p className="hint">No changes yet.</p>
        ) : (
          <ol className="history" reversed>
            {history.map((event) => (
              <li key={event.version}>
                <strong>{event.actorName}</strong>,{' '}
                <time dateTime={event.createdAt}>
                  {event.createdAt.replace('T', ' ').slice(0, 16)} UTC
                </time>{' '}
                (version {event.version}):
                <ul>
                  {event.changes.map((change) => (
                    <li key={change.field}>
                      {fieldLabel(change.field)}:{' '}
                      {valueText(change.field, change.from, memberNames)} →{' '}
                      {valueText(change.field, change.to, memberNames)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
