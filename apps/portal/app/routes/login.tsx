import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react';
import { FormError, TextField } from '../components/fields';
import { echoValues, field, parseForm, readForm } from '../lib/forms.server';
import { LoginSchema } from '../lib/schemas';
import { safeRedirectPath } from '../lib/auth/safe-redirect';
import { getCurrentSession, startSession } from '../lib/auth/session.server';
import { beginLoginAttempt, loginSucceeded, waitMessage } from '../lib/auth/throttle.server';
import { authenticate } from '../lib/auth/users.server';
import { recordSessionEvent } from '../lib/practices/audit.server';

/** The page title (and description) for this route. */
export const meta: MetaFunction = () => [{ title: 'Log in — Groundwork' }];

/** Signed-in visitors go straight on. */
export async function loader(args: LoaderFunctionArgs) {
  if (await getCurrentSession(args)) return redirect('/practices');
  return null;
}

/** Checks the password (throttled per account and per IP) and starts a session. */
export async function action(args: ActionFunctionArgs) {
  const { db, clientIp } = args.context;
  const formData = await readForm(args.request);
  const parsed = parseForm(LoginSchema, formData, {
    email: field(formData, 'email'),
    password: field(formData, 'password'),
  });
  if (!parsed.ok) return data(parsed, { status: 400 });
  const who = { email: parsed.data.email, ip: clientIp };
  // Counted before the password is checked: parallel guesses cannot overtake the limit.
  const allowed = await beginLoginAttempt(db, who);
  if (!allowed.allowed) {
    return data(
      {
        ok: false as const,
        fieldErrors: {},
        values: echoValues(formData),
        formError: `Too many failed attempts to log in. ${waitMessage(allowed.retryAfterSeconds)}`,
      },
      { status: 429, headers: { 'Retry-After': String(allowed.retryAfterSeconds) } },
    );
  }
  const user = await authenticate(db, parsed.data);
  if (!user) {
    return data(
      {
        ok: false as const,
        fieldErrors: {},
        values: echoValues(formData),
        formError: 'That e-mail and password do not match an account.',
      },
      { status: 400 },
    );
  }
  await loginSucceeded(db, who);
  await recordSessionEvent(db, { actor: user, action: 'log-in' });
  const cookie = await startSession(args, user.id);
  return redirect(safeRedirectPath(field(formData, 'redirectTo'), '/practices'), {
    headers: { 'Set-Cookie': cookie },
  });
}

/** Messages other pages send visitors here with (`/login?notice=...`). */
const NOTICES = new Map<string, string>([
  [
    'signed-up',
    'Thank you. Log in with the e-mail address and password you just chose. If that address already had an account, we have sent it an e-mail instead, and its password is unchanged.',
  ],
  [
    'password-reset',
    'Your password was changed and every browser was logged out. Log in with the new password.',
  ],
]);

/** The log-in form. */
export default function Login() {
  const state = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get('redirectTo') ?? '';
  const notice = NOTICES.get(searchParams.get('notice') ?? '');
  return (
    <div className="page">
      <h1>Log in</h1>
      {notice && !state ? <p className="notice">{notice}</p> : null}
      <Form method="post" className="stack" noValidate>
        <FormError state={state} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField name="email" label="E-mail" type="email" autoComplete="email" state={state} />
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          state={state}
        />
        <div>
          <button type="submit">Log in</button>
        </div>
      </Form>
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        New to Groundwork?{' '}
        <Link to={redirectTo ? `/signup?${new URLSearchParams({ redirectTo })}` : '/signup'}>
          Create an account
        </Link>
      </p>
    </div>
  );
}
