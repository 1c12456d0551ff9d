import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { NavLink, Outlet, useLoaderData } from '@remix-run/react';
import { requirePracticeAccess } from '../lib/auth/practice-access.server';
import { ROLE_LABELS, hasRole } from '../lib/auth/roles';
import type { PracticeRouteHandle } from '../lib/auth/roles';
import { mayUsePatientRecords } from '../lib/measures/record-access.server';

/** The page title (and description) for this route. */
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.practice.name} — Groundwork` : 'Practice — Groundwork' },
];

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { loader: 'staff' } };

/** The practice layout: name, the member's role and the practice navigation. */
export async function loader(args: LoaderFunctionArgs) {
  const access = await requirePracticeAccess(args);
  const { practice, role } = access;
  return {
    practice: { id: practice.id, name: practice.name },
    role,
    patientRecords: mayUsePatientRecords(access),
  };
}

/** The practice frame: name, role and practice navigation around each practice page. */
export default function PracticeLayout() {
  const { practice, role, patientRecords } = useLoaderData<typeof loader>();
  const base = `/practices/${practice.id}`;
  return (
    <div className="page">
      <p className="hint">
        {practice.name} · you are {ROLE_LABELS[role].toLowerCase()}
      </p>
      <nav aria-label="Practice sections" className="subnav">
        <ul>
          <li>
            <NavLink to={base} end>
              Overview
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/checklist`}>Checklist</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/members`}>Members</NavLink>
          </li>
          {hasRole(role, 'clinician') ? (
            <li>
              <NavLink to={`${base}/screening`}>Screening</NavLink>
            </li>
          ) : null}
          <li>
            <NavLink to={`${base}/rules`}>Screening rules</NavLink>
          </li>
          {hasRole(role, 'owner') ? (
            <li>
              <NavLink to={`${base}/settings`}>Practice profile</NavLink>
            </li>
          ) : null}
          {hasRole(role, 'owner') ? (
            <li>
              <NavLink to={`${base}/brand`}>Brand kit</NavLink>
            </li>
          ) : null}
          <li>
            <NavLink to={`${base}/handouts`}>Handouts</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/forms`}>Practice forms</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/packets`}>Patient packets</NavLink>
          </li>
          {patientRecords ? (
            <li>
              <NavLink to={`${base}/patients`}>Patient records</NavLink>
            </li>
          ) : null}
          {hasRole(role, 'clinician') ? (
            <li>
              <NavLink to={`${base}/consent`}>Consent forms</NavLink>
            </li>
          ) : null}
          {hasRole(role, 'clinician') ? (
            <li>
              <NavLink to={`${base}/documents/activity`}>Document activity</NavLink>
            </li>
          ) : null}
          {hasRole(role, 'owner') ? (
            <li>
              <NavLink to={`${base}/audit`}>Audit log</NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
