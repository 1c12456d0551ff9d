import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { readOutboxEmails } from '../lib/outbox.server';

/** The page title (and description) for this route. */
export const meta: MetaFunction = () => [{ title: 'Development outbox — Groundwork' }];

/**
 * E-mails the outbox transport "sent", newest first. Only in development and
 * tests, or in production when DEV_OUTBOX=1 (e.g. for a demo); 404 otherwise.
 */
export async function loader({ context }: LoaderFunctionArgs) {
  if (!context.devOutboxEnabled) throw data('Not found', { status: 404 });
  const emails = await readOutboxEmails(context.db, context.dataKeys, { limit: 50 });
  return {
    emails: emails.map((email) => ({
      ...email,
      // Links (tokens) are never stored; this process may still remember the e-mail it sent.
      text: context.mail.unredactedText?.(email.id) ?? email.text,
      createdAt: email.createdAt.toISOString(),
    })),
  };
}

/** Lists stored e-mails (development and tests only). */
export default function Outbox() {
  const { emails } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Development outbox</h1>
      <p className="lead">E-mails the portal would have sent. This page is off in production.</p>
      <p>
        Links that carry a secret (invitations, password resets) are removed before an e-mail is
        stored. This page shows them for e-mails sent since the server last started.
      </p>
      {emails.length === 0 ? <p>No e-mails yet.</p> : null}
      {emails.map((email) => (
        <article key={email.id} className="card">
          <h2>{email.subject}</h2>
          <p>
            To {email.to} · <time dateTime={email.createdAt}>{email.createdAt}</time>
          </p>
          <pre className="copy-box">{email.text}</pre>
        </article>
      ))}
    </div>
  );
}
