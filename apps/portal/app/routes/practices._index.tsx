import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { listPracticesForUser } from '../lib/practices/practices.server';
import { ROLE_LABELS } from '../lib/auth/roles';
import { requireSession } from '../lib/auth/session.server';

/** The page title (and description) for this route. */
export const meta: MetaFunction = () => [{ title: 'Your practices — Groundwork' }];

/** The practices the signed-in user belongs to. */
export async function loader(args: LoaderFunctionArgs) {
  const session = await requireSession(args);
  const practices = await listPracticesForUser(args.context.db, session.user.id);
  return { practices };
}

/** The signed-in user's practices. */
export default function Practices() {
  const { practices } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Your practices</h1>
      {practices.length === 0 ? (
        <p>
          You do not belong to a practice yet. Create one, or ask a practice owner to invite you.
        </p>
      ) : (
        <ul className="cards">
          {practices.map((practice) => (
            <li key={practice.id} className="card">
              <h2>
                <Link to={`/practices/${practice.id}`}>{practice.name}</Link>
              </h2>
              <p>Your role: {ROLE_LABELS[practice.role]}</p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/practices/new" className="button">
          Create a practice
        </Link>
      </p>
    </div>
  );
}
