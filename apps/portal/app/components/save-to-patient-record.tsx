import { type AnswerValue, INSTRUMENTS, type Locale, type Ruleset } from '@groundwork/eligibility';
import { useFetcher } from '@remix-run/react';
import type { ScreeningFormValues } from '../lib/screening/screening-form';
import type { ScreeningText } from '../lib/screening/screening-text';

/** What the patients action answers when it refuses a save (it redirects on success). */
interface SaveRefusal {
  ok: false;
  formError: string;
  fieldErrors: Record<string, string>;
}

/**
 * The screening page's one way to store anything: an explicit form that posts
 * this screening's answers to a chosen patient record, to save its outcome
 * (decision and findings, screened again on the server) and/or its PHQ-9 /
 * GAD-7 / PCL-5 scores. Without pressing its button nothing leaves the
 * browser. With JavaScript a refusal is shown here and the answers stay on
 * the page; without it the form posts to the patient records page.
 */
export function SaveToPatientRecord({
  practiceId,
  records,
  ruleset,
  answers,
  values,
  locale,
  text,
}: {
  practiceId: string;
  records: Array<{ id: string; label: string }>;
  ruleset: Ruleset;
  answers: Record<string, AnswerValue>;
  values: ScreeningFormValues;
  locale: Locale;
  text: ScreeningText;
}) {
  const fetcher = useFetcher<SaveRefusal>();
  const refusal = fetcher.state === 'idle' && fetcher.data?.ok === false ? fetcher.data : null;
  const instruments = ruleset.questions.flatMap((question) =>
    question.type === 'instrument' && Array.isArray(answers[question.id])
      ? [INSTRUMENTS[question.instrument].name]
      : [],
  );
  const today = new Date().toISOString().slice(0, 10);
  const posted = Object.entries(values).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((entry, index) => ({
      key: `${name}#${index}`,
      name,
      value: entry,
    })),
  );
  return (
    <section aria-labelledby="save-record-heading" className="card">
      <h2 id="save-record-heading">{text.saveHeading}</h2>
      <p className="hint">{text.saveIntro}</p>
      {records.length === 0 ? (
        <p>
          {text.saveNoRecords}{' '}
          <a href={`/practices/${practiceId}/patients`}>{text.saveCreateRecord}</a>
        </p>
      ) : (
        <fetcher.Form
          method="post"
          action={`/practices/${practiceId}/patients?index`}
          autoComplete="off"
        >
          <input type="hidden" name="intent" value="save-screening" />
          <input type="hidden" name="lang" value={locale} />
          {posted.map((entry) => (
            <input key={entry.key} type="hidden" name={entry.name} value={entry.value} />
          ))}
          {refusal ? (
            <p className="form-error" role="alert">
              {refusal.formError}
            </p>
          ) : null}
          <fieldset>
            <legend>{text.saveWhat}</legend>
            <div className="field">
              <label>
                <input type="checkbox" name="saveOutcome" value="yes" defaultChecked />{' '}
                {text.saveOutcome}
              </label>
            </div>
            {instruments.length > 0 ? (
              <div className="field">
                <label>
                  <input type="checkbox" name="saveScores" value="yes" defaultChecked />{' '}
                  {text.saveScores(instruments.join(', '))}
                </label>
              </div>
            ) : null}
          </fieldset>
          <div className="field">
            <label htmlFor="save-record-patient">{text.savePatient}</label>
            <select id="save-record-patient" name="patientId" required defaultValue="">
              <option value="" disabled>
                —
              </option>
              {records.map((record) => (
                <option key={record.id} value={record.id}>
                  {record.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="save-record-taken-on">{text.saveTakenOn}</label>
            <input
              id="save-record-taken-on"
              name="takenOn"
              type="date"
              required
              max={today}
              defaultValue={today}
            />
          </div>
          <button type="submit" disabled={fetcher.state !== 'idle'}>
            {fetcher.state === 'idle' ? text.saveButton : text.saveSaving}
          </button>
        </fetcher.Form>
      )}
    </section>
  );
}
