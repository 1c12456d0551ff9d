import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { field, readForm } from '../lib/forms.server';
import { requirePracticeAccess } from '../lib/auth/practice-access.server';
import { setCurrentPractice } from '../lib/auth/session.server';

/** GET /practices/switch has nothing to show. */
export function loader() {
  return redirect('/practices');
}

/** Switches the header's current practice, after checking membership like any practice route. */
export async function action(args: ActionFunctionArgs) {
  const practiceId = field(await readForm(args.request), 'practiceId');
  const access = await requirePracticeAccess({ ...args, params: { practiceId } });
  await setCurrentPractice(args, access.session.sessionId, access.practiceId);
  return redirect(`/practices/${access.practiceId}`);
}
