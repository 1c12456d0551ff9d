import { type Rule, SEVERITIES } from '@groundwork/eligibility';
import { Form } from '@remix-run/react';

const SEVERITY_TEXT: Record<(typeof SEVERITIES)[number], string> = {
  exclude: 'Exclude (ineligible)',
  defer: 'Defer (not today)',
  review: 'Review (clinician decides before going ahead)',
  info: 'Note only',
};

/** An owner's form to change one rule: severity, parameters, on/off and the required reason. */
export function RuleEditForm({
  rule,
  revision,
  errors,
}: {
  rule: Pick<Rule, 'id' | 'enabled' | 'parameterRanges' | 'parameters' | 'severity'>;
  revision: number;
  errors: Record<string, string> | undefined;
}) {
  const id = (name: string) => `rule-${rule.id}-${name}`;
  const described = (name: string) => (errors?.[name] ? `${id(name)}-error` : undefined);
  const error = (name: string) =>
    errors?.[name] ? (
      <p id={`${id(name)}-error`} className="field-error">
        {errors[name]}
      </p>
    ) : null;
  return (
    <details className="rule-edit" open={errors ? true : undefined}>
      <summary>Change this rule</summary>
      <Form method="post" preventScrollReset>
        <input type="hidden" name="ruleId" value={rule.id} />
        <input type="hidden" name="basedOnRevision" value={revision} />
        {errors?.form ? (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor={id('severity')}>Severity</label>
          <select
            id={id('severity')}
            name="severity"
            defaultValue={rule.severity}
            aria-describedby={described('severity')}
          >
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {SEVERITY_TEXT[severity]}
              </option>
            ))}
          </select>
          {error('severity')}
        </div>
        {Object.entries(rule.parameters).map(([name, value]) =>
          typeof value === 'boolean' ? (
            <label key={name} className="choice" htmlFor={id(`param-${name}`)}>
              <input
                id={id(`param-${name}`)}
                type="checkbox"
                name={`param.${name}`}
                defaultChecked={value}
              />
              {name}
            </label>
          ) : (
            <div className="field" key={name}>
              <label htmlFor={id(`param-${name}`)}>
                {name}
                {rule.parameterRanges?.[name] ? (
                  <span className="hint">
                    {' '}
                    ({rule.parameterRanges[name].min} to {rule.parameterRanges[name].max}
                    {rule.parameterRanges[name].unit ? ` ${rule.parameterRanges[name].unit}` : ''})
                  </span>
                ) : null}
              </label>
              <input
                id={id(`param-${name}`)}
                type="text"
                inputMode={typeof value === 'number' ? 'decimal' : undefined}
                name={`param.${name}`}
                defaultValue={String(value)}
                aria-invalid={errors?.[`param.${name}`] ? true : undefined}
                aria-describedby={described(`param.${name}`)}
              />
              {error(`param.${name}`)}
            </div>
          ),
        )}
        <label className="choice" htmlFor={id('enabled')}>
          <input id={id('enabled')} type="checkbox" name="enabled" defaultChecked={rule.enabled} />
          Rule is on (untick to turn it off)
        </label>
        <div className="field">
          <label htmlFor={id('reason')}>Why (required, kept in the audit trail)</label>
          <textarea
            id={id('reason')}
            name="reason"
            rows={3}
            required
            aria-invalid={errors?.reason ? true : undefined}
            aria-describedby={described('reason')}
          />
          {error('reason')}
        </div>
        <button type="submit">Save as a new version</button>
      </Form>
    </details>
  );
}
