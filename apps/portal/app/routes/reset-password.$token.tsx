import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link } from '@remix-run/react';
import { useActionData } from '@remix-run/react';
import { FormError, TextField } from '../components/fields';
import { field, parseForm, readForm } from '../lib/forms.server';
import { isResetTokenUsable, resetPassword } from '../lib/auth/password-reset.server';
import { ResetPasswordSchema } from '../lib/schemas';

/** The page title (and description) for this route. */
export const meta: MetaFunction = () => [
  { title: 'Choose a new password — Groundwork' },
  // The URL holds a secret token: keep it out of Referer headers.
  { name: 'referrer', content: 'no-referrer' },
];

const NOT_VALID =
  'This password reset link is not valid: it was already used, has expired (links work for one hour) or was replaced by a newer one.';

/** Shows the form while the link is usable; 404 otherwise. */
export async function loader(args: LoaderFunctionArgs) {
  if (!(await isResetTokenUsable(args.context.db, args.params.token ?? ''))) {
    throw data(NOT_VALID, { status: 404 });
  }
  return null;
}

/** Sets the new password (using up the link), logs out every browser and sends the user to log in. */
export async function action(args: ActionFunctionArgs) {
  const formData = await readForm(args.request);
  const parsed = parseForm(ResetPasswordSchema, formData, {
    password: field(formData, 'password'),
  });
  if (!parsed.ok) return data(parsed, { status: 400 });
  const changed = await resetPassword(args.context.db, {
    token: args.params.token ?? '',
    password: parsed.data.password,
  });
  if (!changed) throw data(NOT_VALID, { status: 404 });
  args.context.accessCache?.clear();
  return redirect('/login?notice=password-reset');
}

/** The new-password form. */
export default function ResetPassword() {
  const state = useActionData<typeof action>();
  return (
    <div className="page">
      <h1>Choose a new password</h1>
      <Form method="post" className="stack" noValidate>
        <FormError state={state} />
        <TextField
          name="password"
          label="New password"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters. A few unrelated words make a strong password."
          state={state}
        />
        <div>
          <button type="submit">Set new password</button>
        </div>
      </Form>
      <p>
        <Link to="/login">Back to log in</Link>
      </p>
    </div>
  );
}
