import { type AnswerValue, INSTRUMENTS, type Ruleset } from '@groundwork/eligibility';
import { fieldName } from '../lib/screening/screening-form';
import type { ScreeningFormValues } from '../lib/screening/screening-form';
import type { ScreeningText } from '../lib/screening/screening-text';

/**
 * The screening page's one way to store anything: an explicit form that posts
 * only the answered PHQ-9 / GAD-7 / PCL-5 items to a chosen patient record.
 * Without pressing its button nothing leaves the browser.
 */
export function SaveToPatientRecord({
  practiceId,
  records,
  ruleset,
  answers,
  values,
  text,
}: {
  practiceId: string;
  records: Array<{ id: string; label: string }>;
  ruleset: Ruleset;
  answers: Record<string, AnswerValue>;
  values: ScreeningFormValues;
  text: ScreeningText;
}) {
  const instruments = ruleset.questions.flatMap((question) =>
    question.type === 'instrument' && Array.isArray(answers[question.id])
      ? [{ id: question.id, definition: INSTRUMENTS[question.instrument] }]
      : [],
  );
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section aria-labelledby="save-record-heading" className="card">
      <h2 id="save-record-heading">{text.saveHeading}</h2>
      <p className="hint">{text.saveIntro}</p>
      {instruments.length === 0 ? (
        <p>{text.saveNothing}</p>
      ) : records.length === 0 ? (
        <p>
          {text.saveNoRecords}{' '}
          <a href={`/practices/${practiceId}/patients`}>{text.saveCreateRecord}</a>
        </p>
      ) : (
        <form method="post" action={`/practices/${practiceId}/patients`} autoComplete="off">
          <input type="hidden" name="intent" value="save-screening" />
          {instruments.flatMap(({ id, definition }) =>
            Array.from({ length: definition.itemCount }, (_, index) => {
              const name = fieldName(id, index + 1);
              const value = values[name];
              return (
                <input
                  key={name}
                  type="hidden"
                  name={name}
                  value={Array.isArray(value) ? (value[0] ?? '') : (value ?? '')}
                />
              );
            }),
          )}
          <p>{text.saveWill(instruments.map(({ definition }) => definition.name).join(', '))}</p>
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
          <button type="submit">{text.saveButton}</button>
        </form>
      )}
    </section>
  );
}
