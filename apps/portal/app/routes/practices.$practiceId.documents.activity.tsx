import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { listActivity } from '../lib/documents/activity.server';
import { requirePracticeAccess } from '../lib/auth/practice-access.server';
import type { PracticeRouteHandle } from '../lib/auth/roles';

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { loader: 'clinician' } };

/** The practice's document activity log (owners and clinicians; never patient details). */
export async function loader(args: LoaderFunctionArgs) {
  const { practiceId } = await requirePracticeAccess(args, { minRole: 'clinician' });
  const rows = await listActivity(args.context.db, { practiceId });
  return {
    rows: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
  };
}

export default function DocumentActivity() {
  const { rows } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Document activity</h1>
      <p className="hint">
        Who generated which document, in which version, language and paper size, with which brand
        kit. Patient details are never recorded.
      </p>
      {rows.length === 0 ? (
        <p>No documents generated yet.</p>
      ) : (
        <table className="activity-table">
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Who</th>
              <th scope="col">Document</th>
              <th scope="col">Version</th>
              <th scope="col">Language</th>
              <th scope="col">Paper</th>
              <th scope="col">Brand kit</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{row.createdAt.replace('T', ' ').slice(0, 19)}</td>
                <td>{row.userName ?? 'Former member'}</td>
                <td>
                  {row.documentId}
                  {row.routes.length > 0 ? ` (${row.routes.join(', ')})` : ''}
                </td>
                <td>{row.documentVersion}</td>
                <td>{row.locale}</td>
                <td>{row.paper}</td>
                <td>{row.brandKitVersion ? `v${row.brandKitVersion}` : 'default'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
