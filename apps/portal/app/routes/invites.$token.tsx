import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { acceptInvite, findInvite } from '../lib/auth/invites.server';
import { ROLE_LABELS } from '../lib/auth/roles';
import { getCurrentSession, requireSession, setCurrentPractice } from '../lib/auth/session.server';

/** The page title (and description) for this route. */
export const meta: MetaFunction = () => [
  { title: 'Invitation — Groundwork' },
  // The URL holds a secret token: keep it out of Referer headers.
  { name: 'referrer', content: 'no-referrer' },
];

/** Shows what the invitation is for, and whether the visitor must sign in first. */
export async function loader(args: LoaderFunctionArgs) {
  const token = args.params.token ?? '';
  const invite = await findInvite(args.context.db, token);
  if (!invite) {
    throw data('This invitation link is not valid: it was already used, revoked or has expired.', {
      status: 404,
    });
  }
  const session = await getCurrentSession(args);
  return {
    practiceName: invite.practiceName,
    role: invite.role,
    invitedEmail: invite.email,
    signedInAs: session?.user.email ?? null,
    returnPath: new URL(args.request.url).pathname,
  };
}

/** Accepts the invitation for the signed-in user. */
export async function action(args: ActionFunctionArgs) {
  const session = await requireSession(args);
  const accepted = await acceptInvite(args.context.db, {
    token: args.params.token ?? '',
    userId: session.user.id,
  });
  if (!accepted) {
    throw data('This invitation link is not valid: it was already used, revoked or has expired.', {
      status: 404,
    });
  }
  await setCurrentPractice(args, session.sessionId, accepted.practiceId);
  return redirect(`/practices/${accepted.practiceId}`);
}

/** Shows an invitation and lets a signed-in user accept it. */
export default function Invite() {
  const invite = useLoaderData<typeof loader>();
  const back = new URLSearchParams({ redirectTo: invite.returnPath });
  return (
    <div className="page">
      <h1>Join {invite.practiceName}</h1>
      <p>
        You are invited to join {invite.practiceName} on Groundwork as{' '}
        {ROLE_LABELS[invite.role].toLowerCase()}.
      </p>
      {invite.signedInAs ? (
        <>
          <p>You are logged in as {invite.signedInAs}.</p>
          <Form method="post">
            <button type="submit">Accept invitation</button>
          </Form>
        </>
      ) : (
        <>
          <p>
            Log in or create an account to accept. The invitation was sent to {invite.invitedEmail}.
          </p>
          <p>
            <Link to={`/signup?${back}`} className="button">
              Create an account
            </Link>{' '}
            <Link to={`/login?${back}`} className="button secondary">
              Log in
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
