import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { PracticeProfileFields } from '../components/practice-profile-fields';
import { parsePracticeProfile } from '../lib/practices/practice-form.server';
import { requirePracticeAccess } from '../lib/auth/practice-access.server';
import { updatePractice } from '../lib/practices/practices.server';
import type { PracticeRouteHandle } from '../lib/auth/roles';
import { readForm } from '../lib/forms.server';

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { loader: 'owner', action: 'owner' } };

/** The practice profile form, for owners. */
export async function loader(args: LoaderFunctionArgs) {
  const { practice } = await requirePracticeAccess(args, { minRole: 'owner' });
  return {
    profile: {
      name: practice.name,
      state: practice.state,
      routes: practice.routes,
      telehealth: practice.telehealth,
    },
  };
}

/** Saves the practice profile (owners only). */
export async function action(args: ActionFunctionArgs) {
  const { practiceId, user } = await requirePracticeAccess(args, { minRole: 'owner' });
  const parsed = parsePracticeProfile(await readForm(args.request));
  if (!parsed.ok) return data(parsed, { status: 400 });
  await updatePractice(args.context.db, { practiceId, profile: parsed.profile, actor: user });
  return { ok: true as const, saved: true };
}

/** The practice profile form (owners). */
export default function PracticeSettings() {
  const { profile } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  return (
    <>
      <h1>Practice profile</h1>
      {state?.ok ? <output className="notice">Saved.</output> : null}
      <Form method="post" className="stack" noValidate>
        <PracticeProfileFields state={state?.ok ? undefined : state} defaults={profile} />
        <div>
          <button type="submit">Save profile</button>
        </div>
      </Form>
    </>
  );
}
