import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { StatusBadge, TemplateBadge } from '../components/checklist/status-badge';
import { requirePracticeChecklist } from '../lib/checklist/checklist-access.server';
import { whatsNext } from '../lib/checklist/checklist.server';
import type { PracticeRouteHandle } from '../lib/auth/roles';
import { checklistLinks } from '../components/checklist/links';
import { TableRegion } from '../components/table-region';

export const meta: MetaFunction = () => [{ title: 'What’s next — Checklist — Groundwork' }];

/** The checklist stylesheet. */
export const links = checklistLinks;

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { loader: 'staff' } };

/** What still blocks launch: open items by section, then due date. */
export async function loader(args: LoaderFunctionArgs) {
  const { practice, checklist } = await requirePracticeChecklist(args);
  const titles = new Map(checklist.sections.map((section) => [section.id, section.title]));
  return {
    practiceId: practice.id,
    overall: checklist.overall,
    blocking: whatsNext(checklist).map((entry) => ({
      id: entry.item.id,
      title: entry.item.title,
      section: titles.get(entry.item.sectionId) ?? entry.item.sectionId,
      status: entry.status,
      assignee: entry.assignee?.name ?? null,
      dueDate: entry.dueDate,
      overdue: entry.overdue,
      badge: entry.badge,
    })),
  };
}

export default function WhatsNext() {
  const { practiceId, overall, blocking } = useLoaderData<typeof loader>();
  const base = `/practices/${practiceId}/checklist`;
  return (
    <>
      <p>
        <Link to={base}>← Back to the checklist</Link>
      </p>
      <h1>What’s next</h1>
      <p>
        {blocking.length === 0
          ? 'Nothing blocks launch: every applicable item is done or marked not applicable.'
          : `${blocking.length} item${blocking.length === 1 ? '' : 's'} still block launch (${overall.done} of ${overall.total} done). Listed by section, then by due date.`}
      </p>
      {blocking.length > 0 ? (
        <TableRegion label="Items that block launch">
          <table className="next-table">
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Section</th>
                <th scope="col">Status</th>
                <th scope="col">Assignee</th>
                <th scope="col">Due</th>
              </tr>
            </thead>
            <tbody>
              {blocking.map((item) => (
                <tr key={item.id}>
                  <td>
                    <Link to={`${base}/${item.id}`}>{item.title}</Link>{' '}
                    <TemplateBadge badge={item.badge} />
                  </td>
                  <td>{item.section}</td>
                  <td>
                    <StatusBadge status={item.status} />
                  </td>
                  <td>{item.assignee ?? 'Unassigned'}</td>
                  <td>
                    {item.dueDate ?? '—'}
                    {item.overdue ? <strong className="overdue"> (overdue)</strong> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
    </>
  );
}
