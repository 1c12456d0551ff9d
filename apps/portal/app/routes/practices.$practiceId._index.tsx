import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { DashboardReadiness } from '../components/checklist/dashboard-readiness';
import { checklistSummary } from '../lib/checklist/checklist-summary.server';
import { PRACTICE_ROUTES, US_STATES } from '../lib/practices/practice-options';
import { requirePracticeAccess } from '../lib/auth/practice-access.server';
import type { PracticeRouteHandle } from '../lib/auth/roles';
import { checklistLinks } from '../components/checklist/links';

/** The checklist stylesheet. */
export const links = checklistLinks;

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { loader: 'staff' } };

/**
 * The practice overview — the example practice route: call
 * requirePracticeAccess first, then read only through access.practiceId.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { practice } = await requirePracticeAccess(args);
  return {
    practice: {
      id: practice.id,
      name: practice.name,
      state: US_STATES.find(([code]) => code === practice.state)?.[1] ?? practice.state,
      routes: PRACTICE_ROUTES.filter((route) => practice.routes.includes(route.id)).map(
        (route) => route.label,
      ),
      telehealth: practice.telehealth,
    },
    checklist: await checklistSummary(args.context, practice),
  };
}

/** The practice's overview: profile and first steps. */
export default function PracticeOverview() {
  const { practice, checklist } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{practice.name}</h1>
      <DashboardReadiness practiceId={practice.id} summary={checklist} />
      <h2>Profile</h2>
      <dl>
        <dt>State</dt>
        <dd>{practice.state}</dd>
        <dt>Routes offered</dt>
        <dd>
          {practice.routes.length > 0 ? (
            <ul>
              {practice.routes.map((route) => (
                <li key={route}>{route}</li>
              ))}
            </ul>
          ) : (
            'None chosen yet'
          )}
        </dd>
        <dt>Telehealth</dt>
        <dd>{practice.telehealth ? 'Offered' : 'Not offered'}</dd>
      </dl>
      <h2>Start here</h2>
      <ul>
        <li>
          <Link to="/guide">Read or download the Psychedelic Basics guide</Link>
        </li>
        <li>
          <Link to={`/practices/${practice.id}/members`}>Invite your team</Link>
        </li>
      </ul>
    </>
  );
}
