import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ProgressBar } from '../components/checklist/progress-bar';
import { QuickStatus } from '../components/checklist/quick-status';
import type { ItemActionData } from '../components/checklist/quick-status';
import { TemplateBadge } from '../components/checklist/status-badge';
import { requirePracticeChecklist } from '../lib/checklist/checklist-access.server';
import { acknowledgeItems } from '../lib/checklist/checklist.server';
import { handleItemAction } from '../lib/checklist/checklist-actions.server';
import { matchesFilters, parseChecklistFilters } from '../lib/checklist/checklist-filters';
import { CHECKLIST_STATUSES, STATUS_LABELS } from '../lib/checklist/checklist-status';
import { checklistTemplateFor } from '../lib/checklist/checklist-template.server';
import { field, readForm } from '../lib/forms.server';
import { requirePracticeAccess } from '../lib/auth/practice-access.server';
import { listMembers } from '../lib/practices/practices.server';
import type { PracticeRouteHandle } from '../lib/auth/roles';
import { checklistLinks } from '../components/checklist/links';
import { TaggedPdfNote } from '../components/tagged-pdf-note';

export const meta: MetaFunction = () => [{ title: 'Onboarding checklist — Groundwork' }];

/** The checklist stylesheet. */
export const links = checklistLinks;

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { loader: 'staff', action: 'staff' } };

/** The practice's checklist with progress, filters and template-upgrade notice. */
export async function loader(args: LoaderFunctionArgs) {
  const { practice, user, checklist } = await requirePracticeChecklist(args);
  const { db } = args.context;
  const filters = parseChecklistFilters(new URL(args.request.url).searchParams);
  const members = await listMembers(db, practice.id);
  const items = checklist.entries
    .filter((entry) =>
      matchesFilters({ ...entry, sectionId: entry.item.sectionId }, filters, user.id),
    )
    .map((entry) => ({
      id: entry.item.id,
      title: entry.item.title,
      sectionId: entry.item.sectionId,
      status: entry.status,
      assignee: entry.assignee,
      dueDate: entry.dueDate,
      overdue: entry.overdue,
      version: entry.version,
      badge: entry.badge,
    }));
  return {
    practiceId: practice.id,
    template: checklist.template,
    overall: checklist.overall,
    sections: checklist.sections,
    upgrade: checklist.upgrade,
    hiddenCount: checklist.hiddenCount,
    totalShown: checklist.entries.length,
    counts: {
      overdue: checklist.entries.filter((entry) => entry.overdue).length,
      unassigned: checklist.entries.filter(
        (entry) => !entry.assignee && entry.status !== 'done' && entry.status !== 'not-applicable',
      ).length,
    },
    items,
    filters,
    members: members.map((member) => ({ id: member.userId, name: member.name })),
  };
}

/** Quick status changes from the list (`intent=update` + itemId) and "mark all as seen". */
export async function action(args: ActionFunctionArgs) {
  const access = await requirePracticeAccess(args);
  const formData = await readForm(args.request);
  if (field(formData, 'intent') === 'acknowledge-all') {
    await acknowledgeItems(args.context.db, {
      practiceId: access.practiceId,
      template: checklistTemplateFor(args.context),
    });
    return data({ itemId: '', ok: true });
  }
  const itemId = field(formData, 'itemId');
  if (!itemId) {
    return data({ itemId, ok: false, formError: 'Choose an item.' }, { status: 400 });
  }
  return handleItemAction(args, access, { itemId, formData });
}

export default function ChecklistPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<ItemActionData>();
  const { template, overall, sections, upgrade, items, filters, members, counts } = loaderData;
  const base = `/practices/${loaderData.practiceId}/checklist`;
  const filtered = Object.values(filters).some(Boolean);
  return (
    <>
      <h1>Onboarding checklist</h1>
      <p className="hint">
        {template.title}, version {template.version}; last reviewed {template.reviewedAt} by{' '}
        {template.reviewer}. General information to help you prepare: it is not legal or clinical
        advice, and a licensed clinician decides what your practice does.
      </p>
      {upgrade ? (
        <section className="notice" aria-labelledby="upgrade-heading">
          <h2 id="upgrade-heading">The checklist was updated</h2>
          <p>
            Version {upgrade.currentVersion} (you last acknowledged {upgrade.seenVersion}):{' '}
            {upgrade.newCount} new and {upgrade.changedCount} changed item
            {upgrade.changedCount === 1 ? '' : 's'}, marked below. Your progress on every other item
            is kept.
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="acknowledge-all" />
            <button type="submit">Mark all as seen</button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading">Progress</h2>
        <ProgressBar id="progress-overall" label="Overall" progress={overall} />
        <details>
          <summary>By section</summary>
          {sections.map((section) => (
            <ProgressBar
              key={section.id}
              id={`progress-${section.id}`}
              label={section.title}
              progress={section.progress}
            />
          ))}
        </details>
        <p>
          <Link to={`${base}/next`}>What’s next: what still blocks launch</Link> ·{' '}
          <a href={`${base}/export/pdf`}>Download the readiness report (PDF)</a> ·{' '}
          <a href={`${base}/export/csv`}>Download as CSV</a>
        </p>
        <TaggedPdfNote />
        {loaderData.hiddenCount > 0 ? (
          <p className="hint">
            {loaderData.hiddenCount} template items do not apply to your practice profile and are
            hidden; any progress on them is kept if your profile changes.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="items-heading">
        <h2 id="items-heading">Items</h2>
        <p>
          Quick filters: <Link to={`${base}?overdue=1`}>Overdue ({counts.overdue})</Link> ·{' '}
          <Link to={`${base}?assignee=unassigned&status=open`}>
            Unassigned ({counts.unassigned})
          </Link>{' '}
          · <Link to={`${base}?assignee=me&status=open`}>Mine</Link>
        </p>
        <Form method="get" className="filters" aria-label="Filter items">
          <label>
            Status{' '}
            <select name="status" defaultValue={filters.status ?? ''}>
              <option value="">Any</option>
              <option value="open">Open (to do or in progress)</option>
              {CHECKLIST_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {STATUS_LABELS[status]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Assignee{' '}
            <select name="assignee" defaultValue={filters.assignee ?? ''}>
              <option value="">Anyone</option>
              <option value="me">Me</option>
              <option value="unassigned">Unassigned</option>
              {members.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Section{' '}
            <select name="section" defaultValue={filters.section ?? ''}>
              <option value="">All</option>
              {sections.map((section) => (
                <option key={section.id} value={section.id}>
                  {section.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input
              type="checkbox"
              name="overdue"
              value="1"
              defaultChecked={filters.overdue === '1'}
            />{' '}
            Overdue only
          </label>
          <button type="submit">Filter</button>
          {filtered ? <Link to={base}>Clear filters</Link> : null}
        </Form>
        <p aria-live="polite" data-testid="item-count">
          Showing {items.length} of {loaderData.totalShown} items.
        </p>
        {sections.map((section) => {
          const sectionItems = items.filter((item) => item.sectionId === section.id);
          if (sectionItems.length === 0) return null;
          return (
            <div key={section.id}>
              <h3>{section.title}</h3>
              <ul className="checklist">
                {sectionItems.map((item) => (
                  <li key={item.id} className="checklist-item" data-item-id={item.id}>
                    <div>
                      <Link to={`${base}/${item.id}`}>{item.title}</Link>{' '}
                      <TemplateBadge badge={item.badge} />
                      <div className="hint">
                        {item.assignee ? `Assigned to ${item.assignee.name}` : 'Unassigned'}
                        {item.dueDate ? ` · due ${item.dueDate}` : ''}
                        {item.overdue ? <strong className="overdue"> · overdue</strong> : null}
                      </div>
                    </div>
                    <QuickStatus
                      itemId={item.id}
                      itemTitle={item.title}
                      status={item.status}
                      version={item.version}
                      fallback={actionData}
                    />
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </section>
    </>
  );
}
