import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { count, eq } from 'drizzle-orm';
import { FormError, TextField } from '../components/fields';
import { sessions } from '../db/schema.server';
import { recordSessionEvent } from '../lib/practices/audit.server';
import { echoValues, field, parseForm, readForm } from '../lib/forms.server';
import { hitRateLimit, resetRateLimit } from '../lib/auth/rate-limit.server';
import { ChangePasswordSchema } from '../lib/schemas';
import { endAllSessions, requireSession } from '../lib/auth/session.server';
import { waitMessage } from '../lib/auth/throttle.server';
import { changePassword } from '../lib/auth/users.server';

/** The page title (and description) for this route. */
export const meta: MetaFunction = () => [{ title: 'Your account — Groundwork' }];

/** Wrong current passwords allowed per user per 15 minutes on this page. */
const PASSWORD_CHANGE_LIMIT = { limit: 5, windowSeconds: 15 * 60 };

/** The signed-in user's details and how many browsers are signed in. */
export async function loader(args: LoaderFunctionArgs) {
  const session = await requireSession(args);
  const [row] = await args.context.db
    .select({ count: count() })
    .from(sessions)
    .where(eq(sessions.userId, session.user.id));
  return { user: session.user, activeSessions: row?.count ?? 0 };
}

/** Changes the password (with the current one), or logs out everywhere. */
export async function action(args: ActionFunctionArgs) {
  const session = await requireSession(args);
  const { db } = args.context;
  const formData = await readForm(args.request);
  const intent = field(formData, 'intent');

  if (intent === 'change-password') {
    const parsed = parseForm(ChangePasswordSchema, formData, {
      currentPassword: field(formData, 'currentPassword'),
      newPassword: field(formData, 'newPassword'),
    });
    if (!parsed.ok) return data({ intent, ...parsed }, { status: 400 });
    const key = `password-change:user:${session.user.id}`;
    const allowed = await hitRateLimit(db, { key, ...PASSWORD_CHANGE_LIMIT });
    if (!allowed.allowed) {
      return data(
        {
          intent,
          ok: false as const,
          fieldErrors: {},
          values: echoValues(formData),
          formError: `Too many wrong passwords. ${waitMessage(allowed.retryAfterSeconds)}`,
        },
        { status: 429, headers: { 'Retry-After': String(allowed.retryAfterSeconds) } },
      );
    }
    const result = await changePassword(db, {
      userId: session.user.id,
      sessionId: session.sessionId,
      currentPassword: parsed.data.currentPassword,
      newPassword: parsed.data.newPassword,
    });
    if (result === 'wrong-password') {
      return data(
        {
          intent,
          ok: false as const,
          fieldErrors: { currentPassword: 'That is not your current password.' },
          values: echoValues(formData),
        },
        { status: 400 },
      );
    }
    await resetRateLimit(db, key);
    args.context.accessCache?.clear();
    return { intent, ok: true as const };
  }

  if (intent === 'log-out-everywhere') {
    await recordSessionEvent(db, {
      actor: session.user,
      action: 'log-out',
      details: { everywhere: true },
    });
    await endAllSessions(args, session.user.id);
    return redirect('/login');
  }

  return data({ intent, ok: false as const, formError: 'Unknown action.' }, { status: 400 });
}

/** The account page: who is signed in, change password, and "log out everywhere". */
export default function Account() {
  const { user, activeSessions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const passwordState = result?.intent === 'change-password' && !result.ok ? result : undefined;
  return (
    <div className="page">
      <h1>Your account</h1>
      <dl>
        <dt>Name</dt>
        <dd>{user.name}</dd>
        <dt>E-mail</dt>
        <dd>{user.email}</dd>
      </dl>

      <h2>Change password</h2>
      {result?.intent === 'change-password' && result.ok ? (
        <output className="notice">
          Your password was changed. Other browsers signed in to your account were logged out.
        </output>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <FormError state={passwordState} />
        <input type="hidden" name="intent" value="change-password" />
        <TextField
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          state={passwordState}
        />
        <TextField
          name="newPassword"
          label="New password"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters. A few unrelated words make a strong password."
          state={passwordState}
        />
        <div>
          <button type="submit">Change password</button>
        </div>
      </Form>

      <h2>Signed-in browsers</h2>
      <p>
        You are signed in on {activeSessions} browser{activeSessions === 1 ? '' : 's'}. If you
        signed in on a shared or lost device, log out everywhere.
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value="log-out-everywhere" />
        <button type="submit" className="danger">
          Log out everywhere
        </button>
      </Form>
    </div>
  );
}
