import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { PracticeProfileFields } from '../components/practice-profile-fields';
import { parsePracticeProfile } from '../lib/practices/practice-form.server';
import { requirePracticeAccess } from '../lib/auth/practice-access.server';
import { updatePractice } from '../lib/practices/practices.server';
import type { PracticeRouteHandle } from '../lib/auth/roles';
import { field, readForm } from '../lib/forms.server';
import {
  directorCandidates,
  medicalDirectorOf,
  setMedicalDirector,
} from '../lib/signoffs/signoffs.server';

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { loader: 'owner', action: 'owner' } };

/** The practice profile form, for owners. */
export async function loader(args: LoaderFunctionArgs) {
  const { practice, practiceId } = await requirePracticeAccess(args, { minRole: 'owner' });
  const director = await medicalDirectorOf(args.context.db, practiceId);
  return {
    medicalDirector: {
      current: director?.userId ?? '',
      candidates: await directorCandidates(args.context.db, practiceId),
    },
    profile: {
      name: practice.name,
      state: practice.state,
      routes: practice.routes,
      telehealth: practice.telehealth,
    },
  };
}

/** Saves the practice profile, or names the medical director (owners only). */
export async function action(args: ActionFunctionArgs) {
  const { practiceId, user } = await requirePracticeAccess(args, { minRole: 'owner' });
  const formData = await readForm(args.request);
  if (field(formData, 'intent') === 'medical-director') {
    const chosen = field(formData, 'medicalDirector');
    const outcome = await setMedicalDirector(args.context.db, {
      practiceId,
      userId: chosen === '' ? null : chosen,
      actor: { id: user.id, name: user.name },
    });
    if (outcome === 'not-eligible') {
      return data(
        {
          ok: false as const,
          intent: 'medical-director' as const,
          fieldErrors: {
            medicalDirector:
              'medicalDirector: choose an owner or clinician of this practice, or nobody.',
          },
        },
        { status: 400 },
      );
    }
    return { ok: true as const, intent: 'medical-director' as const };
  }
  const parsed = parsePracticeProfile(formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  await updatePractice(args.context.db, { practiceId, profile: parsed.profile, actor: user });
  return { ok: true as const, intent: 'profile' as const };
}

/** The practice profile form and the medical director (owners). */
export default function PracticeSettings() {
  const { profile, medicalDirector } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const profileState =
    state && 'intent' in state && state.intent !== 'medical-director' ? state : undefined;
  const directorState =
    state && 'intent' in state && state.intent === 'medical-director' ? state : undefined;
  const directorError =
    directorState && !directorState.ok ? directorState.fieldErrors.medicalDirector : undefined;
  return (
    <>
      <h1>Practice profile</h1>
      {profileState?.ok || (state && !('intent' in state) && state.ok) ? (
        <output className="notice">Saved.</output>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <PracticeProfileFields
          state={state && !state.ok && !('intent' in state) ? state : undefined}
          defaults={profile}
        />
        <div>
          <button type="submit">Save profile</button>
        </div>
      </Form>
      <section aria-labelledby="medical-director-heading">
        <h2 id="medical-director-heading">Medical director</h2>
        <p>
          The medical director signs off each handout, the consent form and the practice forms for
          your practice, on the document’s review page. Documents say who reviewed them for the
          practice once signed off, and until then that they are not yet reviewed by your medical
          director.
        </p>
        {directorState?.ok ? <output className="notice">Medical director saved.</output> : null}
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="medical-director" />
          <div className="field">
            <label htmlFor="field-medicalDirector">Medical director</label>
            <span id="field-medicalDirector-hint" className="hint">
              An owner or clinician of this practice.
            </span>
            <select
              id="field-medicalDirector"
              name="medicalDirector"
              defaultValue={medicalDirector.current}
              aria-describedby={`field-medicalDirector-hint${directorError ? ' field-medicalDirector-error' : ''}`}
              aria-invalid={directorError ? true : undefined}
            >
              <option value="">Nobody yet</option>
              {medicalDirector.candidates.map((candidate) => (
                <option key={candidate.userId} value={candidate.userId}>
                  {candidate.name} ({candidate.role})
                </option>
              ))}
            </select>
            {directorError ? (
              <p id="field-medicalDirector-error" className="field-error">
                {directorError}
              </p>
            ) : null}
          </div>
          <div>
            <button type="submit">Save medical director</button>
          </div>
        </Form>
      </section>
    </>
  );
}
