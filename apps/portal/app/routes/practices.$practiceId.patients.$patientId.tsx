import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { FormError } from '../components/fields';
import { MeasureChart } from '../components/measure-chart';
import { SavedScreenings } from '../components/saved-screenings';
import type { PracticeRouteHandle } from '../lib/auth/roles';
import { field, readForm } from '../lib/forms.server';
import { chartModel } from '../lib/measures/chart';
import { MEASURE_INSTRUMENTS, itemField } from '../lib/measures/instruments';
import {
  deleteMeasurement,
  listMeasurements,
  saveMeasurements,
} from '../lib/measures/measurements.server';
import { deletePatient, findPatient } from '../lib/measures/patients.server';
import { requirePatientRecordAccess } from '../lib/measures/record-access.server';
import { deleteSavedScreening, listSavedScreenings } from '../lib/measures/saved-screenings.server';
import { parseScoreForm } from '../lib/measures/record-forms.server';
import { judgeSeries, pointLabel } from '../lib/measures/series';
import { UuidParamSchema } from '../lib/packets/route-params';
import { INSTRUMENTS } from '@groundwork/eligibility';
import measuresStylesheet from '../styles/measures.css?url';
import screeningStylesheet from '../styles/screening.css?url';

/** Who may use this route (checked by practice-isolation.test.ts); see mayUsePatientRecords. */
export const handle: PracticeRouteHandle = { access: { loader: 'clinician', action: 'clinician' } };

/** The record's own styles, and the screening result's (for saved screenings). */
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: measuresStylesheet },
  { rel: 'stylesheet', href: screeningStylesheet },
];

export const meta: MetaFunction = () => [{ title: 'Patient record — Groundwork' }];

function notFound(): never {
  throw new Response('Patient record not found', { status: 404 });
}

/** The patient's id from the URL; another practice's id, or no UUID at all, is a 404. */
async function requirePatient(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const access = await requirePatientRecordAccess(args);
  const patientId = UuidParamSchema.safeParse(args.params.patientId);
  if (!patientId.success) notFound();
  const patient = await findPatient(args.context.db, args.context.dataKeys, {
    practiceId: access.practiceId,
    patientId: patientId.data,
  });
  if (!patient) notFound();
  return { ...access, patient };
}

/** One patient record: details, a chart and table per instrument, and the forms that change it. */
export async function loader(args: LoaderFunctionArgs) {
  const { practiceId, patient } = await requirePatient(args);
  const { db, dataKeys } = args.context;
  const url = new URL(args.request.url);
  const scores = await listMeasurements(db, dataKeys, { practiceId, patientId: patient.id });
  const screenings = await listSavedScreenings(db, dataKeys, {
    practiceId,
    patientId: patient.id,
  });
  const series = MEASURE_INSTRUMENTS.flatMap((instrument) => {
    const ofInstrument = scores.filter((score) => score.instrument === instrument.id);
    if (ofInstrument.length === 0) return [];
    const judged = judgeSeries(instrument.id, ofInstrument);
    const byId = new Map(ofInstrument.map((score) => [score.id, score]));
    return [
      {
        instrument: instrument.id,
        name: instrument.name,
        chart: chartModel(judged),
        hasThresholds: judged.responseAtOrBelow !== null || judged.remissionBelow !== null,
        rows: judged.points.map((point) => ({
          id: point.id,
          takenOn: point.takenOn,
          total: point.total,
          change: point.change === null ? null : Math.round(point.change * 100),
          label: pointLabel(point),
          items: byId.get(point.id)?.items ?? null,
        })),
      },
    ];
  });
  const saved = Number(url.searchParams.get('saved'));
  return data(
    {
      practiceId,
      patient,
      series,
      scoreCount: scores.length,
      screenings,
      savedScreening: url.searchParams.get('screening') === 'saved',
      confirmDelete: url.searchParams.get('delete') === 'confirm',
      saved: Number.isInteger(saved) && saved > 0 ? saved : 0,
      today: new Date().toISOString().slice(0, 10),
      instruments: MEASURE_INSTRUMENTS.map((instrument) => ({
        id: instrument.id,
        name: instrument.name,
        itemMin: instrument.itemMin,
        itemMax: instrument.itemMax,
        maxTotal: instrument.maxTotal,
        itemLabels: INSTRUMENTS[instrument.id].itemLabels.map((label) => label.en),
      })),
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

function refusal(intent: string, formError: string, fieldErrors: Record<string, string>) {
  return data(
    {
      ok: false as const,
      intent,
      instrument: '',
      formError,
      fieldErrors,
      values: {} as Record<string, string | string[]>,
    },
    { status: 400 },
  );
}

/**
 * Add a score, delete a score or a saved screening, or delete the whole
 * record (after the confirm step).
 */
export async function action(args: ActionFunctionArgs) {
  const { practiceId, patient, user } = await requirePatient(args);
  const { db, dataKeys } = args.context;
  const formData = await readForm(args.request);
  const intent = field(formData, 'intent');
  const base = `/practices/${practiceId}/patients/${patient.id}`;

  if (intent === 'add-score') {
    const parsed = parseScoreForm(formData);
    if (!parsed.ok) {
      return data(
        {
          ...parsed,
          ok: false as const,
          intent,
          instrument: field(formData, 'instrument'),
          formError: 'Please correct the fields marked below.',
        },
        { status: 400 },
      );
    }
    await saveMeasurements(db, dataKeys, {
      practiceId,
      patientId: patient.id,
      savedBy: user.id,
      scores: [parsed.data],
    });
    return redirect(`${base}?saved=1`);
  }

  if (intent === 'delete-score') {
    const measurementId = UuidParamSchema.safeParse(field(formData, 'measurementId'));
    if (!measurementId.success) {
      return refusal(intent, 'That score could not be found.', {
        measurementId: 'Choose a score of this patient.',
      });
    }
    const deleted = await deleteMeasurement(db, {
      practiceId,
      patientId: patient.id,
      measurementId: measurementId.data,
    });
    if (!deleted) throw new Response('Score not found', { status: 404 });
    return redirect(base);
  }

  if (intent === 'delete-screening') {
    const screeningId = UuidParamSchema.safeParse(field(formData, 'screeningId'));
    if (!screeningId.success) {
      return refusal(intent, 'That saved screening could not be found.', {
        screeningId: 'Choose a saved screening of this patient.',
      });
    }
    const deleted = await deleteSavedScreening(db, {
      practiceId,
      patientId: patient.id,
      screeningId: screeningId.data,
    });
    if (!deleted) throw new Response('Saved screening not found', { status: 404 });
    return redirect(base);
  }

  if (intent === 'delete-patient') {
    if (field(formData, 'confirm') !== 'yes') {
      return refusal(
        intent,
        'Tick the box to confirm that the record and everything saved to it are deleted.',
        { confirm: 'Tick the box to confirm.' },
      );
    }
    await deletePatient(db, { practiceId, patientId: patient.id });
    return redirect(`/practices/${practiceId}/patients`);
  }

  return refusal(intent, 'Unknown action.', {
    intent: 'Choose add-score, delete-score, delete-screening or delete-patient.',
  });
}

export default function PatientRecord() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : undefined;
  const base = `/practices/${loaded.practiceId}/patients/${loaded.patient.id}`;
  const { patient } = loaded;
  return (
    <>
      <p>
        <Link to={`/practices/${loaded.practiceId}/patients`}>All patient records</Link>
      </p>
      <h1>{patient.name}</h1>
      <dl>
        <dt>Date of birth</dt>
        <dd>{patient.birthDate}</dd>
        <dt>Practice reference</dt>
        <dd>{patient.reference || '—'}</dd>
        <dt>Kept until (unless another score is saved)</dt>
        <dd>{patient.retainUntil.slice(0, 10)}</dd>
      </dl>
      {loaded.saved > 0 || loaded.savedScreening ? (
        <output className="notice">
          Saved{' '}
          {[
            loaded.savedScreening ? 'the screening outcome' : '',
            loaded.saved > 0 ? `${loaded.saved} ${loaded.saved === 1 ? 'score' : 'scores'}` : '',
          ]
            .filter(Boolean)
            .join(' and ')}
          .
        </output>
      ) : null}
      {failed && failed.intent !== 'add-score' ? <FormError state={failed} /> : null}

      {loaded.series.length === 0 ? (
        <p>No scores saved yet.</p>
      ) : (
        <>
          <p>
            Download: <a href={`${base}/export.csv`}>CSV</a> ·{' '}
            <a href={`${base}/export.fhir.json`}>FHIR R4 bundle (JSON)</a>
          </p>
          {loaded.series.map((series) => (
            <section
              key={series.instrument}
              className="measure-series"
              aria-labelledby={`series-${series.instrument}`}
            >
              <h2 id={`series-${series.instrument}`}>{series.name}</h2>
              <MeasureChart model={series.chart} titleId={`chart-${series.instrument}-title`} />
              {series.hasThresholds ? (
                <p className="hint">
                  Baseline is the first score. Response: 50% or more below baseline (dashed line).
                  Remission: below 5 (shaded band). Points that meet them say so in words.
                </p>
              ) : (
                <p className="hint">
                  No response or remission threshold is drawn for the {series.name}: see the
                  measurement-based care guide.
                </p>
              )}
              <div className="table-wrap">
                <table>
                  <caption>{series.name} scores, oldest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Taken on</th>
                      <th scope="col">Total</th>
                      <th scope="col">Change from baseline</th>
                      <th scope="col">Marked</th>
                      <th scope="col">Item answers</th>
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {series.rows.map((row) => (
                      <tr key={row.id}>
                        <td>{row.takenOn}</td>
                        <td>{row.total}</td>
                        <td>
                          {row.change === null
                            ? '—'
                            : `${row.change > 0 ? '−' : '+'}${Math.abs(row.change)}%`}
                        </td>
                        <td>{row.label || '—'}</td>
                        <td>{row.items ? row.items.join(' ') : 'total only'}</td>
                        <td>
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="intent" value="delete-score" />
                            <input type="hidden" name="measurementId" value={row.id} />
                            <button type="submit" className="link-button">
                              Delete score
                              <span className="visually-hidden">
                                {' '}
                                {series.name} of {row.takenOn}
                              </span>
                            </button>
                          </Form>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
        </>
      )}

      <SavedScreenings screenings={loaded.screenings} />

      <section aria-labelledby="add-score-heading">
        <h2 id="add-score-heading">Add a score</h2>
        <p className="hint">
          Enter every item answer (the total is worked out for you), or only the total when you do
          not have the items.
        </p>
        {loaded.instruments.map((instrument) => {
          const errors =
            failed?.intent === 'add-score' && failed.instrument === instrument.id
              ? failed
              : undefined;
          const value = (name: string) => {
            const typed = errors?.values?.[name];
            return typeof typed === 'string' ? typed : undefined;
          };
          const id = (name: string) => `${instrument.id}-${name.replace('.', '-')}`;
          const error = (name: string) => errors?.fieldErrors?.[name];
          const describedBy = (name: string) => (error(name) ? `${id(name)}-error` : undefined);
          return (
            // Keyed by the score count: after a save the form starts empty again (with JavaScript
            // Remix keeps the page's inputs on a redirect to the same page).
            <details
              key={`${instrument.id}-${loaded.scoreCount}`}
              open={Boolean(errors) || instrument.id === 'phq9'}
            >
              <summary>Add a {instrument.name} score</summary>
              <Form
                method="post"
                autoComplete="off"
                noValidate
                aria-label={`Add a ${instrument.name} score`}
              >
                <input type="hidden" name="intent" value="add-score" />
                <input type="hidden" name="instrument" value={instrument.id} />
                <FormError state={errors} />
                <div className="field">
                  <label htmlFor={id('takenOn')}>Taken on</label>
                  <input
                    id={id('takenOn')}
                    name="takenOn"
                    type="date"
                    required
                    max={loaded.today}
                    defaultValue={value('takenOn') ?? loaded.today}
                    aria-invalid={error('takenOn') ? true : undefined}
                    aria-describedby={describedBy('takenOn')}
                  />
                  {error('takenOn') ? (
                    <p id={`${id('takenOn')}-error`} className="field-error">
                      {error('takenOn')}
                    </p>
                  ) : null}
                </div>
                <fieldset>
                  <legend>
                    Item answers ({instrument.itemMin} to {instrument.itemMax})
                  </legend>
                  <div className="item-answers">
                    {instrument.itemLabels.map((label, index) => {
                      const name = itemField(index + 1);
                      return (
                        <div className="field" key={name}>
                          <label htmlFor={id(name)}>
                            {index + 1}. {label}
                          </label>
                          <input
                            id={id(name)}
                            name={name}
                            type="number"
                            inputMode="numeric"
                            min={instrument.itemMin}
                            max={instrument.itemMax}
                            defaultValue={value(name)}
                            aria-invalid={error(name) ? true : undefined}
                            aria-describedby={describedBy(name)}
                          />
                          {error(name) ? (
                            <p id={`${id(name)}-error`} className="field-error">
                              {error(name)}
                            </p>
                          ) : null}
                        </div>
                      );
                    })}
                  </div>
                </fieldset>
                <div className="field">
                  <label htmlFor={id('total')}>
                    Total (0 to {instrument.maxTotal}), if you have no item answers
                  </label>
                  <input
                    id={id('total')}
                    name="total"
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={instrument.maxTotal}
                    defaultValue={value('total')}
                    aria-invalid={error('total') ? true : undefined}
                    aria-describedby={describedBy('total')}
                  />
                  {error('total') ? (
                    <p id={`${id('total')}-error`} className="field-error">
                      {error('total')}
                    </p>
                  ) : null}
                </div>
                <button type="submit">Save {instrument.name} score</button>
              </Form>
            </details>
          );
        })}
      </section>

      <section aria-labelledby="delete-patient-heading">
        <h2 id="delete-patient-heading">Delete this record</h2>
        {loaded.confirmDelete ? (
          <Form method="post" className="callout">
            <input type="hidden" name="intent" value="delete-patient" />
            <p>
              This deletes {patient.name}’s record, all {loaded.scoreCount}{' '}
              {loaded.scoreCount === 1 ? 'score' : 'scores'} and {loaded.screenings.length} saved{' '}
              {loaded.screenings.length === 1 ? 'screening' : 'screenings'} for good. Packets sent
              to the patient are kept (with their own retention).
            </p>
            <div className="field">
              <label>
                <input type="checkbox" name="confirm" value="yes" required /> Yes, delete the record
                and everything saved to it
              </label>
            </div>
            <button type="submit">Delete record</button> <Link to={base}>Cancel</Link>
          </Form>
        ) : (
          <p>
            <Link to={`${base}?delete=confirm`}>Delete this patient record…</Link>
          </p>
        )}
      </section>
    </>
  );
}
