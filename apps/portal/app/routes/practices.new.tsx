import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { PracticeProfileFields } from '../components/practice-profile-fields';
import { parsePracticeProfile } from '../lib/practices/practice-form.server';
import { createPractice } from '../lib/practices/practices.server';
import { requireSession, setCurrentPractice } from '../lib/auth/session.server';
import { readForm } from '../lib/forms.server';

/** The page title (and description) for this route. */
export const meta: MetaFunction = () => [{ title: 'Create a practice — Groundwork' }];

/** Only signed-in users can create a practice. */
export async function loader(args: LoaderFunctionArgs) {
  await requireSession(args);
  return null;
}

/** Creates the practice; its creator becomes the owner. */
export async function action(args: ActionFunctionArgs) {
  const session = await requireSession(args);
  const parsed = parsePracticeProfile(await readForm(args.request));
  if (!parsed.ok) return data(parsed, { status: 400 });
  const practice = await createPractice(args.context.db, {
    ownerId: session.user.id,
    profile: parsed.profile,
  });
  await setCurrentPractice(args, session.sessionId, practice.id);
  return redirect(`/practices/${practice.id}`);
}

/** The create-a-practice form. */
export default function NewPractice() {
  const state = useActionData<typeof action>();
  return (
    <div className="page">
      <h1>Create a practice</h1>
      <p className="lead">
        You will be the practice's owner. You can invite clinicians and staff next.
      </p>
      <Form method="post" className="stack" noValidate>
        <PracticeProfileFields state={state} />
        <div>
          <button type="submit">Create practice</button>
        </div>
      </Form>
    </div>
  );
}
