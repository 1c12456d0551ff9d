import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react';
import { FormError, TextField } from '../components/fields';
import { field, parseForm, readForm } from '../lib/forms.server';
import { SignupSchema } from '../lib/schemas';
import { safeRedirectPath } from '../lib/auth/safe-redirect';
import { getCurrentSession } from '../lib/auth/session.server';
import { signUp } from '../lib/auth/signup.server';
import { beginSignup, waitMessage } from '../lib/auth/throttle.server';

/** The page title (and description) for this route. */
export const meta: MetaFunction = () => [{ title: 'Sign up — Groundwork' }];

/** Signed-in visitors do not need this page. */
export async function loader(args: LoaderFunctionArgs) {
  if (await getCurrentSession(args)) return redirect('/practices');
  return null;
}

/**
 * Creates the account (or e-mails the owner of a known address) and sends the
 * visitor to log in, with the same answer either way.
 */
export async function action(args: ActionFunctionArgs) {
  const formData = await readForm(args.request);
  const parsed = parseForm(SignupSchema, formData, {
    name: field(formData, 'name'),
    email: field(formData, 'email'),
    password: field(formData, 'password'),
  });
  if (!parsed.ok) return data(parsed, { status: 400 });
  const allowed = await beginSignup(args.context.db, {
    ip: args.context.clientIp,
    limit: args.context.signupLimitPerIp,
  });
  if (!allowed.allowed) {
    return data(
      {
        ok: false as const,
        fieldErrors: {},
        values: { name: parsed.data.name, email: parsed.data.email },
        formError: `Too many accounts were created from your network. ${waitMessage(allowed.retryAfterSeconds)}`,
      },
      { status: 429, headers: { 'Retry-After': String(allowed.retryAfterSeconds) } },
    );
  }
  await signUp(args.context, { input: parsed.data, origin: new URL(args.request.url).origin });
  // The same answer whether or not the address had an account (an e-mail tells its owner which).
  const next = safeRedirectPath(field(formData, 'redirectTo'), '/practices/new');
  return redirect(`/login?${new URLSearchParams({ notice: 'signed-up', redirectTo: next })}`);
}

/** The sign-up form. */
export default function Signup() {
  const state = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get('redirectTo') ?? '';
  return (
    <div className="page">
      <h1>Create your account</h1>
      <Form method="post" className="stack" noValidate>
        <FormError state={state} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField name="name" label="Your name" autoComplete="name" state={state} />
        <TextField name="email" label="E-mail" type="email" autoComplete="email" state={state} />
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters. A few unrelated words make a strong password."
          state={state}
        />
        <div>
          <button type="submit">Create account</button>
        </div>
      </Form>
      <p>
        Already have an account?{' '}
        <Link to={redirectTo ? `/login?${new URLSearchParams({ redirectTo })}` : '/login'}>
          Log in
        </Link>
      </p>
    </div>
  );
}
