import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { type Ruleset, screen } from '@groundwork/eligibility';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { FormError, TextField, typed } from '../components/fields';
import type { PracticeRouteHandle } from '../lib/auth/roles';
import { field, readForm } from '../lib/forms.server';
import { type MeasurementInput, saveMeasurements } from '../lib/measures/measurements.server';
import type { SavedScreeningInput } from '../lib/measures/saved-screenings.server';
import { screeningOutcome } from '../lib/measures/screening-outcome';
import { createPatient, findPatient, listPatients } from '../lib/measures/patients.server';
import { requirePatientRecordAccess } from '../lib/measures/record-access.server';
import { parsePatientForm, TakenOnSchema } from '../lib/measures/record-forms.server';
import { screeningScores } from '../lib/measures/screening-scores';
import { retentionDaysFor } from '../lib/packets/packet-settings.server';
import { UuidParamSchema } from '../lib/packets/route-params';
import { citationsFor, requirePracticeRuleset } from '../lib/rules/practice-ruleset.server';
import { answersFromForm, formValuesFrom } from '../lib/screening/screening-form';
import { localeFrom } from '../lib/screening/screening-text';
import measuresStylesheet from '../styles/measures.css?url';

/** Who may use this route (checked by practice-isolation.test.ts); see mayUsePatientRecords. */
export const handle: PracticeRouteHandle = { access: { loader: 'clinician', action: 'clinician' } };

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: measuresStylesheet }];

export const meta: MetaFunction = () => [{ title: 'Patient records — Groundwork' }];

/** The practice's patient records (clinicians and owners). */
export async function loader(args: LoaderFunctionArgs) {
  const { practiceId } = await requirePatientRecordAccess(args);
  const { db, dataKeys } = args.context;
  return data(
    {
      practiceId,
      retentionDays: await retentionDaysFor(db, practiceId),
      patients: await listPatients(db, dataKeys, { practiceId }),
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

function failure(
  fieldErrors: Record<string, string>,
  formData: FormData,
  formError = 'Please correct the fields marked below.',
) {
  return data(
    {
      ok: false as const,
      intent: field(formData, 'intent') || 'create',
      formError,
      fieldErrors,
      values: {
        name: field(formData, 'name'),
        reference: field(formData, 'reference'),
        birthDate: field(formData, 'birthDate'),
      },
    },
    { status: 400 },
  );
}

/**
 * A refused save from the screening page: its form is not on this page, so
 * the reasons are spelled out in the message itself.
 */
function screeningFailure(
  fieldErrors: Record<string, string>,
  formData: FormData,
  ruleset?: Ruleset,
) {
  const reasons = Object.entries(fieldErrors).map(([id, message]) => {
    const question = ruleset?.questions.find((candidate) => candidate.id === id);
    return question ? `${question.prompt.en}: ${message}` : message;
  });
  return failure(fieldErrors, formData, `The screening was not saved. ${reasons.join(' ')}`);
}

/**
 * Creates a patient record (`intent=create`), or saves a screening to a
 * chosen record (`intent=save-screening`, posted from the screening page):
 * its outcome (`saveOutcome=yes`: decision and findings, screened again here
 * with the practice's rules) and/or its PHQ-9 / GAD-7 / PCL-5 scores
 * (`saveScores=yes`). The only ways anything is stored here.
 */
export async function action(args: ActionFunctionArgs) {
  const { practiceId, user } = await requirePatientRecordAccess(args);
  const { db, dataKeys } = args.context;
  const formData = await readForm(args.request);
  const intent = field(formData, 'intent') || 'create';

  if (intent === 'save-screening') {
    const patientId = UuidParamSchema.safeParse(field(formData, 'patientId'));
    if (!patientId.success) {
      return screeningFailure({ patientId: 'Choose a patient record.' }, formData);
    }
    const takenOn = TakenOnSchema.safeParse(field(formData, 'takenOn'));
    if (!takenOn.success) {
      return screeningFailure(
        { takenOn: takenOn.error.issues[0]?.message ?? 'Enter a date.' },
        formData,
      );
    }
    const patient = await findPatient(db, dataKeys, { practiceId, patientId: patientId.data });
    if (!patient) throw new Response('Patient record not found', { status: 404 });
    const saveOutcome = field(formData, 'saveOutcome') === 'yes';
    const saveScores = field(formData, 'saveScores') === 'yes';
    if (!saveOutcome && !saveScores) {
      return screeningFailure(
        { save: 'Choose what to save: the screening outcome, the scores, or both.' },
        formData,
      );
    }
    const current = await requirePracticeRuleset(db, practiceId);
    const values = formValuesFrom(formData);
    const locale = localeFrom(field(formData, 'lang'));

    let scores: MeasurementInput[] = [];
    if (saveScores) {
      const scored = screeningScores(current.ruleset, values, takenOn.data);
      if (Object.keys(scored.problems).length > 0)
        return screeningFailure(scored.problems, formData, current.ruleset);
      if (scored.scores.length === 0) {
        return screeningFailure(
          { instruments: 'The screening has no fully answered PHQ-9, GAD-7 or PCL-5 to save.' },
          formData,
        );
      }
      scores = scored.scores;
    }

    let screening: SavedScreeningInput | undefined;
    if (saveOutcome) {
      const { answers, problems } = answersFromForm(current.ruleset, values, locale);
      if (Object.keys(problems).length > 0) {
        return screeningFailure(problems, formData, current.ruleset);
      }
      const result = screen(answers, current.ruleset);
      if (result.errors.length > 0) {
        return screeningFailure(
          {
            outcome:
              'Some answers could not be used, so there is no outcome to save: correct them on the screening page and screen again.',
          },
          formData,
        );
      }
      screening = {
        ruleset: { ...result.ruleset, revision: current.revision },
        outcome: screeningOutcome({
          result,
          ruleset: current.ruleset,
          locale,
          citations: citationsFor(current.ruleset),
        }),
        takenOn: takenOn.data,
      };
    }

    await saveMeasurements(db, dataKeys, {
      practiceId,
      patientId: patientId.data,
      savedBy: user.id,
      scores,
      ...(screening ? { screening } : {}),
    });
    const saved = new URLSearchParams({ saved: String(scores.length) });
    if (screening) saved.set('screening', 'saved');
    return redirect(`/practices/${practiceId}/patients/${patientId.data}?${saved}`);
  }

  if (intent !== 'create') return failure({ intent: 'Unknown action.' }, formData);
  const parsed = parsePatientForm(formData);
  if (!parsed.ok) {
    return data(
      {
        ...parsed,
        ok: false as const,
        intent,
        formError: 'Please correct the fields marked below.',
      },
      { status: 400 },
    );
  }
  const patientId = await createPatient(db, dataKeys, {
    practiceId,
    createdBy: user.id,
    details: parsed.data,
  });
  return redirect(`/practices/${practiceId}/patients/${patientId}`);
}

export default function Patients() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : undefined;
  const state = failed?.intent === 'create' ? failed : undefined;
  const base = `/practices/${loaded.practiceId}/patients`;
  return (
    <>
      <h1>Patient records</h1>
      {failed && failed.intent !== 'create' ? <FormError state={failed} /> : null}
      <p className="lead">
        Keep a patient’s PHQ-9, GAD-7 and PCL-5 scores over time (measurement-based care). A record
        exists only when a clinician creates it; screening stays in the browser unless you save it
        to a record.
      </p>
      <p className="hint">
        Names, dates of birth, references and item answers are stored encrypted. A record and its
        scores are deleted {loaded.retentionDays} days after its last saved score (the practice’s
        retention period, set on the Patient packets page).
      </p>
      {loaded.patients.length === 0 ? (
        <p>No patient records yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Patient records</caption>
            <thead>
              <tr>
                <th scope="col">Patient</th>
                <th scope="col">Date of birth</th>
                <th scope="col">Reference</th>
                <th scope="col">Scores</th>
                <th scope="col">Last score</th>
              </tr>
            </thead>
            <tbody>
              {loaded.patients.map((patient) => (
                <tr key={patient.id}>
                  <td>
                    <Link to={`${base}/${patient.id}`}>{patient.name}</Link>
                  </td>
                  <td>{patient.birthDate}</td>
                  <td>{patient.reference || '—'}</td>
                  <td>{patient.scores}</td>
                  <td>{patient.lastTakenOn ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="new-patient-heading" className="card">
        <h2 id="new-patient-heading">New patient record</h2>
        <Form method="post" autoComplete="off" noValidate>
          <input type="hidden" name="intent" value="create" />
          <FormError state={state} />
          <TextField name="name" label="Full name" state={state} autoComplete="off" />
          <div className="field">
            <label htmlFor="field-birthDate">Date of birth</label>
            <input
              id="field-birthDate"
              name="birthDate"
              type="date"
              required
              defaultValue={typed(state, 'birthDate')}
              aria-invalid={state?.fieldErrors?.birthDate ? true : undefined}
              aria-describedby={state?.fieldErrors?.birthDate ? 'field-birthDate-error' : undefined}
            />
            {state?.fieldErrors?.birthDate ? (
              <p id="field-birthDate-error" className="field-error">
                {state.fieldErrors.birthDate}
              </p>
            ) : null}
          </div>
          <TextField
            name="reference"
            label="Practice reference (optional)"
            hint="Your chart number or MRN, to match the record to your medical record."
            state={state}
            required={false}
            autoComplete="off"
          />
          <button type="submit">Create patient record</button>
        </Form>
      </section>
    </>
  );
}
