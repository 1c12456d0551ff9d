import { Link } from '@remix-run/react';
import type { ChecklistSummary } from '../../lib/checklist/checklist-summary.server';
import { ProgressBar } from './progress-bar';
import { ReadinessChart } from './readiness-chart';

/** The practice dashboard's checklist panel: overall progress, readiness chart, what's next. */
export function DashboardReadiness({
  practiceId,
  summary,
}: {
  practiceId: string;
  summary: ChecklistSummary;
}) {
  const base = `/practices/${practiceId}/checklist`;
  return (
    <section aria-labelledby="readiness-heading" className="dashboard-readiness">
      <h2 id="readiness-heading">Launch readiness</h2>
      <ProgressBar
        id="dashboard-progress"
        label="Onboarding checklist"
        progress={summary.overall}
      />
      {summary.upgrade ? (
        <p className="notice">
          The checklist was updated to version {summary.upgrade.currentVersion}:{' '}
          {summary.upgrade.newCount} new, {summary.upgrade.changedCount} changed.
        </p>
      ) : null}
      <ReadinessChart data={summary} idPrefix="dashboard-readiness" />
      {summary.overdue > 0 ? (
        <p>
          <Link to={`${base}?overdue=1`}>{summary.overdue} overdue</Link>
        </p>
      ) : null}
      {summary.next.length > 0 ? (
        <>
          <h3>Next up</h3>
          <ul>
            {summary.next.map((item) => (
              <li key={item.id}>
                <Link to={`${base}/${item.id}`}>{item.title}</Link>
                {item.dueDate ? ` (due ${item.dueDate})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <Link to={base}>Open the checklist</Link> · <Link to={`${base}/next`}>What’s next</Link>
      </p>
    </section>
  );
}
