import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { count, eq } from 'drizzle-orm';
import { sessions } from '../db/schema.server';
import { endAllSessions, requireSession } from '../lib/auth/session.server';

/** The page title (and description) for this route. */
export const meta: MetaFunction = () => [{ title: 'Your account — Groundwork' }];

/** The signed-in user's details and how many browsers are signed in. */
export async function loader(args: LoaderFunctionArgs) {
  const session = await requireSession(args);
  const [row] = await args.context.db
    .select({ count: count() })
    .from(sessions)
    .where(eq(sessions.userId, session.user.id));
  return { user: session.user, activeSessions: row?.count ?? 0 };
}

/** "Log out everywhere": revokes every session of this user, this one included. */
export async function action(args: ActionFunctionArgs) {
  const session = await requireSession(args);
  await endAllSessions(args, session.user.id);
  return redirect('/login');
}

/** The account page: who is signed in, and "log out everywhere". */
export default function Account() {
  const { user, activeSessions } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Your account</h1>
      <dl>
        <dt>Name</dt>
        <dd>{user.name}</dd>
        <dt>E-mail</dt>
        <dd>{user.email}</dd>
      </dl>
      <h2>Signed-in browsers</h2>
      <p>
        You are signed in on {activeSessions} browser{activeSessions === 1 ? '' : 's'}. If you
        signed in on a shared or lost device, log out everywhere.
      </p>
      <Form method="post">
        <button type="submit" className="danger">
          Log out everywhere
        </button>
      </Form>
    </div>
  );
}
