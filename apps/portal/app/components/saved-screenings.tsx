import { Form } from '@remix-run/react';
import { FindingItem } from './finding-item';
import type { SavedScreeningView } from '../lib/measures/saved-screenings.server';
import { SCREENING_TEXT } from '../lib/screening/screening-text';

/**
 * A patient record's saved screenings, newest first: the suggested outcome,
 * each finding with why and its sources, in the words and language the
 * clinician saved them in, and a button to delete each one.
 */
export function SavedScreenings({ screenings }: { screenings: readonly SavedScreeningView[] }) {
  return (
    <section aria-labelledby="saved-screenings-heading">
      <h2 id="saved-screenings-heading">Saved screenings</h2>
      {screenings.length === 0 ? (
        <p>
          No screening saved yet. On the Screening page, after screening, choose “Save to a patient
          record”.
        </p>
      ) : (
        <>
          <p className="hint">
            Decision support saved for the clinician, not a verdict: a licensed clinician decides.
            The answers themselves are not kept.
          </p>
          {screenings.map((screening) => (
            <SavedScreening key={screening.id} screening={screening} />
          ))}
        </>
      )}
    </section>
  );
}

function SavedScreening({ screening }: { screening: SavedScreeningView }) {
  const { outcome } = screening;
  const text = SCREENING_TEXT[outcome.locale];
  const headingId = `saved-screening-${screening.id}`;
  return (
    <article className="card saved-screening" aria-labelledby={headingId} lang={outcome.locale}>
      <h3 id={headingId}>
        {text.result}, {screening.takenOn}
      </h3>
      <p className={`decision decision--${outcome.decision}`}>
        <span className="decision__label">{text.decision}: </span>
        <strong data-decision={outcome.decision}>{text.decisions[outcome.decision]}</strong>
      </p>
      {outcome.urgent ? <p className="callout callout--urgent">{text.urgent}</p> : null}
      <p className="hint">
        {text.rulesetUsed}: {screening.ruleset.id} {screening.ruleset.version} (
        {text.practiceVersion(screening.ruleset.revision)})
      </p>
      {outcome.scores.length > 0 ? (
        <p>
          {text.scores}:{' '}
          {outcome.scores
            .map((score) => `${score.name} ${score.total}${score.band ? ` (${score.band})` : ''}`)
            .join(' · ')}
        </p>
      ) : null}
      <h4>{text.findings}</h4>
      {outcome.findings.length === 0 ? (
        <p>{text.noFindings}</p>
      ) : (
        <ol className="findings">
          {outcome.findings.map((finding) => (
            <FindingItem key={finding.ruleId} finding={finding} text={text} />
          ))}
        </ol>
      )}
      {outcome.missing.length > 0 ? (
        <>
          <h4>{text.missing}</h4>
          <ul>
            {outcome.missing.map((prompt) => (
              <li key={prompt}>{prompt}</li>
            ))}
          </ul>
        </>
      ) : null}
      <Form method="post" className="inline-form" lang="en">
        <input type="hidden" name="intent" value="delete-screening" />
        <input type="hidden" name="screeningId" value={screening.id} />
        <button type="submit" className="link-button">
          Delete this saved screening
          <span className="visually-hidden"> of {screening.takenOn}</span>
        </button>
      </Form>
    </article>
  );
}
