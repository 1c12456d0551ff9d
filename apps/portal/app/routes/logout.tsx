import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form } from '@remix-run/react';
import { recordSessionEvent } from '../lib/practices/audit.server';
import { endSession, getCurrentSession } from '../lib/auth/session.server';

/** The page title (and description) for this route. */
export const meta: MetaFunction = () => [{ title: 'Log out — Groundwork' }];

/** Revokes this browser's session and clears the cookie. */
export async function action(args: ActionFunctionArgs) {
  const session = await getCurrentSession(args);
  if (session) {
    await recordSessionEvent(args.context.db, { actor: session.user, action: 'log-out' });
  }
  const cookie = await endSession(args);
  return redirect('/', { headers: { 'Set-Cookie': cookie } });
}

/** A log-out button for visitors who reach /logout directly. */
export default function Logout() {
  return (
    <div className="page">
      <h1>Log out</h1>
      <Form method="post">
        <button type="submit">Log out of this browser</button>
      </Form>
    </div>
  );
}
