import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { describeAuditEvent } from '../lib/practices/audit-text';
import { listPracticeAudit } from '../lib/practices/audit.server';
import { requirePracticeAccess } from '../lib/auth/practice-access.server';
import type { PracticeRouteHandle } from '../lib/auth/roles';

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { loader: 'owner' } };

/** The practice's audit log, newest first (owners only). */
export async function loader(args: LoaderFunctionArgs) {
  const { practiceId } = await requirePracticeAccess(args, { minRole: 'owner' });
  const entries = await listPracticeAudit(args.context.db, practiceId);
  return {
    entries: entries.map((entry) => ({
      id: entry.id,
      who: entry.actorName,
      what: describeAuditEvent(entry.action, entry.details),
      when: entry.createdAt.toISOString(),
    })),
  };
}

/** The audit log page. */
export default function PracticeAudit() {
  const { entries } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Audit log</h1>
      <p className="hint">
        Log-ins, log-outs, role changes, members removed or leaving, and practice profile changes,
        newest first (the last 200). It never holds patient data.
      </p>
      {entries.length === 0 ? (
        <p>Nothing recorded yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="activity-table">
            <caption className="visually-hidden">Audit log entries</caption>
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.when}>{entry.when.replace('T', ' ').slice(0, 19)}</time>
                  </td>
                  <td>{entry.who}</td>
                  <td>{entry.what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
