import type { Severity } from '@groundwork/eligibility';
import type { FactLine } from '../lib/screening/fact-labels';
import type { ScreeningText } from '../lib/screening/screening-text';

/** One finding as a clinician reads it, worded and with its sources resolved. */
export interface FindingView {
  ruleId: string;
  ruleVersion: string;
  severity: Severity;
  urgent: boolean;
  message: string;
  facts: readonly FactLine[];
  sources: ReadonlyArray<{ id: string; citation?: string; url?: string }>;
}

/**
 * A finding in a list of findings: severity (and urgency) in words, why
 * (message and the answers the rule read), the rule, and its sources. Used
 * by the screening result and by screenings saved to a patient record.
 */
export function FindingItem({ finding, text }: { finding: FindingView; text: ScreeningText }) {
  return (
    <li className={`finding finding--${finding.severity}`} data-rule-id={finding.ruleId}>
      <p>
        <span className={`severity severity--${finding.severity}`}>
          {text.severities[finding.severity]}
        </span>
        {finding.urgent ? (
          <span className="severity severity--urgent">{text.urgentMark}</span>
        ) : null}{' '}
        {finding.message}
      </p>
      {finding.facts.length > 0 ? (
        <p className="hint facts">
          {finding.facts.map(({ label, value }) => `${label}: ${value}`).join(' · ')}
        </p>
      ) : null}
      <p className="hint">
        {text.rule}: {finding.ruleId} ({finding.ruleVersion})
      </p>
      <details>
        <summary>
          {text.sources} ({finding.sources.length})
        </summary>
        <ul className="sources">
          {finding.sources.map((source) => (
            <li key={source.id}>
              {source.citation ?? source.id}{' '}
              {source.url ? (
                <a href={source.url} target="_blank" rel="noreferrer noopener">
                  {source.url}
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}
