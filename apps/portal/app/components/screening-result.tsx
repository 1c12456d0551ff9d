import {
  type AnswerValue,
  INSTRUMENTS,
  type Locale,
  type Ruleset,
  type ScreeningResult,
} from '@groundwork/eligibility';
import { Fragment, type ReactNode, type Ref } from 'react';
import { factLines } from '../lib/screening/fact-labels';
import { FindingItem } from './finding-item';
import { questionAnchor } from '../lib/screening/screening-form';
import type { CitationEntry } from '../lib/screening/screening-summary';
import { SCREENING_TEXT } from '../lib/screening/screening-text';

const FLAG_TEXT: Record<string, { en: string; es: string }> = {
  item9Positive: {
    en: 'item 9 (thoughts of death or self-harm) above 0',
    es: 'ítem 9 (pensamientos de muerte o de hacerse daño) mayor que 0',
  },
  provisionalPtsd: {
    en: 'at or above the PTSD cut point',
    es: 'en o por encima del punto de corte de TEPT',
  },
  clusterCriteriaMet: {
    en: 'DSM-5 symptom cluster criteria met',
    es: 'se cumplen los criterios de grupos de síntomas del DSM-5',
  },
};

function QuestionLink({
  id,
  ruleset,
  locale,
}: {
  id: string | null;
  ruleset: Ruleset;
  locale: Locale;
}) {
  if (!id) return null;
  const question = ruleset.questions.find((candidate) => candidate.id === id);
  return <a href={`#${questionAnchor(id)}`}>{question?.prompt[locale] ?? id}</a>;
}

/** An answer in words: Yes/No, option labels, or the value. */
function answerText(ruleset: Ruleset, id: string, value: AnswerValue, locale: Locale): string {
  return factLines({ [id]: value }, ruleset, locale)[0]?.value ?? String(value);
}

/**
 * The result of a screening: decision, every finding with why and its
 * sources, missing answers linked back to their questions, scores with bands.
 */
export function ScreeningResultPanel({
  result,
  ruleset,
  revision,
  locale,
  citations,
  problems,
  headingRef,
  downloads,
}: {
  result: ScreeningResult;
  ruleset: Ruleset;
  revision: number;
  locale: Locale;
  citations: Readonly<Record<string, CitationEntry>>;
  problems: Record<string, string>;
  headingRef?: Ref<HTMLHeadingElement>;
  downloads: ReactNode;
}) {
  const text = SCREENING_TEXT[locale];
  const problemEntries = Object.entries(problems);
  return (
    <section className="screening-result" aria-labelledby="result-heading" id="result">
      <h2 id="result-heading" tabIndex={-1} ref={headingRef}>
        {text.result}
      </h2>
      <p className="callout">{text.disclaimer}</p>
      <p className={`decision decision--${result.decision}`} data-testid="decision">
        <span className="decision__label">{text.decision}: </span>
        <strong data-decision={result.decision}>{text.decisions[result.decision]}</strong>
      </p>
      {result.urgent ? (
        <p className="callout callout--urgent" role="alert">
          {text.urgent}
        </p>
      ) : null}
      <p className="hint" data-testid="ruleset-used">
        {text.rulesetUsed}: {result.ruleset.id} {result.ruleset.version} (
        {text.practiceVersion(revision)})
      </p>

      {result.errors.length > 0 ? (
        <>
          <h3>{text.errors}</h3>
          <ul className="screening-errors">
            {result.errors.map((error, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: errors have no id and never reorder
              <li key={index}>
                <QuestionLink id={error.question} ruleset={ruleset} locale={locale} />
                {error.question ? ': ' : ''}
                {error.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {problemEntries.length > 0 ? (
        <>
          <h3>{text.problems}</h3>
          <ul>
            {problemEntries.map(([id, message]) => (
              <li key={id}>
                <QuestionLink id={id} ruleset={ruleset} locale={locale} />: {message}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {result.warnings.length > 0 ? (
        <>
          <h3>{text.warnings}</h3>
          <p className="hint">{text.warningsHint}</p>
          <ul className="screening-warnings" data-testid="warnings">
            {result.warnings.map((warning) => (
              <li key={warning.question} data-question={warning.question}>
                {/* Not linked: the hidden question is not on the form. */}
                <strong>
                  {ruleset.questions.find((question) => question.id === warning.question)?.prompt[
                    locale
                  ] ?? warning.question}
                </strong>{' '}
                ({text.answered}: {answerText(ruleset, warning.question, warning.answer, locale)}
                ). {text.hiddenBy}{' '}
                {warning.hiddenBy.map((id, index) => (
                  <Fragment key={id}>
                    {index > 0 ? ', ' : ''}
                    <QuestionLink id={id} ruleset={ruleset} locale={locale} />
                  </Fragment>
                ))}
                .
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {result.errors.length === 0 ? (
        <>
          <h3>{text.findings}</h3>
          {result.findings.length === 0 ? <p>{text.noFindings}</p> : null}
          <ol className="findings">
            {result.findings.map((finding) => (
              <FindingItem
                key={finding.ruleId}
                text={text}
                finding={{
                  ruleId: finding.ruleId,
                  ruleVersion: finding.ruleVersion,
                  severity: finding.severity,
                  urgent: finding.urgent,
                  message: finding.message[locale],
                  facts: factLines(finding.facts, ruleset, locale),
                  sources: finding.references.map((reference) => ({
                    id: reference.id,
                    citation: reference.citation ?? citations[reference.id]?.citation,
                    url: reference.url ?? citations[reference.id]?.url,
                  })),
                }}
              />
            ))}
          </ol>

          {result.missing.length > 0 ? (
            <>
              <h3>{text.missing}</h3>
              <ul className="missing" data-testid="missing">
                {result.missing.map((id) => (
                  <li key={id}>
                    <QuestionLink id={id} ruleset={ruleset} locale={locale} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}

          {Object.keys(result.scores).length > 0 ? (
            <>
              <h3>{text.scores}</h3>
              <ul className="scores">
                {Object.entries(result.scores).map(([id, score]) => {
                  const definition = INSTRUMENTS[score.instrument];
                  const band = definition.bands.find((candidate) => candidate.id === score.band);
                  return (
                    <li key={id}>
                      {definition.name}: {score.total}
                      {band ? ` (${band.label[locale]})` : ''}
                      {score.flags.length > 0
                        ? ` — ${score.flags.map((flag) => FLAG_TEXT[flag]?.[locale] ?? flag).join('; ')}`
                        : ''}
                    </li>
                  );
                })}
              </ul>
            </>
          ) : null}
          {downloads}
        </>
      ) : null}
    </section>
  );
}
