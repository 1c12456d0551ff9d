import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { FormError, TextField } from '../components/fields';
import { echoValues, field, parseForm, readForm } from '../lib/forms.server';
import { requestPasswordReset } from '../lib/auth/password-reset.server';
import { RESET_LINK_MINUTES } from '../lib/auth/reset-policy';
import { ForgotPasswordSchema } from '../lib/schemas';
import { beginPasswordResetRequest, waitMessage } from '../lib/auth/throttle.server';

/** The page title (and description) for this route. */
export const meta: MetaFunction = () => [{ title: 'Forgot your password — Groundwork' }];

/**
 * E-mails a reset link if the address has an account. The answer is the same
 * whether or not it has one.
 */
export async function action(args: ActionFunctionArgs) {
  const formData = await readForm(args.request);
  const parsed = parseForm(ForgotPasswordSchema, formData, { email: field(formData, 'email') });
  if (!parsed.ok) return data(parsed, { status: 400 });
  const allowed = await beginPasswordResetRequest(args.context.db, {
    email: parsed.data.email,
    ip: args.context.clientIp,
  });
  if (!allowed.allowed) {
    return data(
      {
        ok: false as const,
        fieldErrors: {},
        values: echoValues(formData),
        formError: `Too many reset links were asked for. ${waitMessage(allowed.retryAfterSeconds)}`,
      },
      { status: 429, headers: { 'Retry-After': String(allowed.retryAfterSeconds) } },
    );
  }
  await requestPasswordReset(args.context, {
    email: parsed.data.email,
    origin: new URL(args.request.url).origin,
  });
  return { ok: true as const, sent: true };
}

/** Asks for the address to send a reset link to. */
export default function ForgotPassword() {
  const state = useActionData<typeof action>();
  return (
    <div className="page">
      <h1>Forgot your password?</h1>
      {state?.ok ? (
        <output className="notice">
          If an account exists for that address, we have sent it a link to choose a new password.
          The link works once, for {RESET_LINK_MINUTES} minutes.
        </output>
      ) : (
        <>
          <p>
            Enter the e-mail address you signed up with. We will send you a link to choose a new
            password.
          </p>
          <Form method="post" className="stack" noValidate>
            <FormError state={state} />
            <TextField
              name="email"
              label="E-mail"
              type="email"
              autoComplete="email"
              state={state}
            />
            <div>
              <button type="submit">Send reset link</button>
            </div>
          </Form>
        </>
      )}
      <p>
        <Link to="/login">Back to log in</Link>
      </p>
    </div>
  );
}
