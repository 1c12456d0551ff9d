import { type Rule, type Ruleset, RulesetError, SEVERITIES } from '@groundwork/eligibility';
import {
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { requirePracticeAccess } from '../lib/practice-access.server';
import { citationsFor, requirePracticeRuleset } from '../lib/practice-ruleset.server';
import { hasRole } from '../lib/roles';
import type { PracticeRouteHandle } from '../lib/roles';
import { parseRuleChange } from '../lib/rule-change-form.server';
import {
  type RuleChangeRecord,
  RulesetConflictError,
  changeRule,
  listRulesetAudit,
} from '../lib/rulesets.server';
import screeningStyles from '../styles/screening.css?url';

/**
 * The practice's screening rules. Every member may read them (they are not
 * patient data, and staff should know what screening checks); only owners
 * change them — anyone else's post gets 403.
 */
export const handle: PracticeRouteHandle = { access: { loader: 'staff', action: 'owner' } };

export const meta: MetaFunction = () => [{ title: 'Screening rules — Groundwork' }];

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: screeningStyles }];

const SEVERITY_TEXT: Record<(typeof SEVERITIES)[number], string> = {
  exclude: 'Exclude (ineligible)',
  defer: 'Defer (not today)',
  review: 'Review (clinician decides before going ahead)',
  info: 'Note only',
};

/** The current ruleset, its version, the audit trail and whether this member may edit. */
export async function loader(args: LoaderFunctionArgs) {
  const { practiceId, role } = await requirePracticeAccess(args);
  const current = await requirePracticeRuleset(args.context.db, practiceId);
  const audit = await listRulesetAudit(args.context.db, practiceId);
  return {
    ruleset: current.ruleset,
    revision: current.revision,
    savedAt: current.savedAt?.toISOString() ?? null,
    citations: citationsFor(current.ruleset),
    audit: audit.map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() })),
    canEdit: hasRole(role, 'owner'),
  };
}

/** Owners change one rule: a new ruleset version plus an audit entry. */
export async function action(args: ActionFunctionArgs) {
  const { practiceId, user } = await requirePracticeAccess(args, { minRole: 'owner' });
  const current = await requirePracticeRuleset(args.context.db, practiceId);
  const formData = await args.request.formData();
  const parsed = parseRuleChange(formData, current.ruleset.rules);
  if (!parsed.ok) {
    return data({ ruleId: parsed.ruleId, fieldErrors: parsed.fieldErrors }, { status: 400 });
  }
  const rule = current.ruleset.rules.find((candidate) => candidate.id === parsed.ruleId);
  const unchanged =
    rule &&
    rule.severity === parsed.settings.severity &&
    rule.enabled === parsed.settings.enabled &&
    Object.entries(parsed.settings.parameters).every(
      ([name, value]) => rule.parameters[name] === value,
    );
  if (unchanged) {
    return data(
      {
        ruleId: parsed.ruleId,
        fieldErrors: {
          form: 'Nothing changed: change the severity, a parameter or whether the rule is on.',
        },
      },
      { status: 400 },
    );
  }
  try {
    const saved = await changeRule(args.context.db, {
      practiceId,
      user: { id: user.id, name: user.name },
      ruleId: parsed.ruleId,
      settings: parsed.settings,
      reason: parsed.reason,
      basedOnRevision: parsed.basedOnRevision,
    });
    return redirect(`/practices/${practiceId}/rules?saved=${saved.revision}#rule-${parsed.ruleId}`);
  } catch (error) {
    if (error instanceof RulesetConflictError) {
      return data(
        {
          ruleId: parsed.ruleId,
          fieldErrors: {
            form: `${error.message} Reload the page to see the current rules, then make your change again.`,
          },
        },
        { status: 409 },
      );
    }
    if (error instanceof RulesetError) {
      return data(
        {
          ruleId: parsed.ruleId,
          fieldErrors: {
            form: `The screening package refused this change: ${error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
          },
        },
        { status: 400 },
      );
    }
    throw error;
  }
}

function interpolate(template: string, parameters: Rule['parameters']): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, name: string) =>
    Object.hasOwn(parameters, name) ? String(parameters[name]) : whole,
  );
}

function describeChange(change: RuleChangeRecord): string {
  const parts: string[] = [];
  if (change.after.severity)
    parts.push(`severity ${change.before.severity} → ${change.after.severity}`);
  if (change.after.enabled !== undefined)
    parts.push(change.after.enabled ? 'turned on' : 'turned off');
  for (const [name, value] of Object.entries(change.after.parameters ?? {})) {
    parts.push(`${name} ${String(change.before.parameters?.[name])} → ${String(value)}`);
  }
  return parts.join('; ') || 'no setting changed';
}

function RuleEditForm({
  rule,
  revision,
  errors,
}: {
  rule: Rule;
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
              <label htmlFor={id(`param-${name}`)}>{name}</label>
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

export default function PracticeRules() {
  const loaderData = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const ruleset = loaderData.ruleset as Ruleset;
  const saved = searchParams.get('saved');
  return (
    <>
      <h1>Screening rules</h1>
      <p>
        Screening uses{' '}
        <strong data-testid="rules-version">
          {ruleset.id} {ruleset.version}
        </strong>{' '}
        (
        {loaderData.revision === 0
          ? 'the default, not customised'
          : `practice version ${loaderData.revision}, saved ${new Date(loaderData.savedAt ?? '').toLocaleString('en-US', { timeZone: 'UTC' })} UTC`}
        ). Rules are decision support: each finding tells a clinician why and cites its sources; a
        licensed clinician decides.
      </p>
      {saved ? (
        <output className="notice">
          Saved as practice version {saved}. Screenings now use it.
        </output>
      ) : null}
      {loaderData.canEdit ? (
        <p className="hint">
          Each change makes a new version of the whole ruleset and an audit entry with your name and
          reason. Loosening a safety rule is your practice's clinical decision: write down why.
        </p>
      ) : (
        <p className="hint">Only the practice's owners can change these rules.</p>
      )}
      <div className="table-wrap">
        <table className="rules-table">
          <caption className="visually-hidden">
            Rules of {ruleset.id} {ruleset.version}
          </caption>
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Severity</th>
              <th scope="col">Parameters</th>
              <th scope="col">Sources</th>
            </tr>
          </thead>
          <tbody>
            {ruleset.rules.map((rule) => (
              <tr
                key={rule.id}
                id={`rule-${rule.id}`}
                className={rule.enabled ? undefined : 'rule-disabled'}
              >
                <td>
                  <strong>{rule.id}</strong> <span className="hint">({rule.version})</span>
                  <p>{interpolate(rule.message.en, rule.parameters)}</p>
                  {rule.enabled ? null : (
                    <p>
                      <strong>Turned off:</strong> {rule.disabledReason}
                    </p>
                  )}
                  {loaderData.canEdit ? (
                    <RuleEditForm
                      rule={rule}
                      revision={loaderData.revision}
                      errors={posted?.ruleId === rule.id ? posted.fieldErrors : undefined}
                    />
                  ) : null}
                </td>
                <td data-testid={`severity-${rule.id}`}>
                  {rule.severity}
                  {rule.urgent ? ' (urgent)' : ''}
                  {rule.enabled ? '' : ' — off'}
                </td>
                <td data-testid={`parameters-${rule.id}`}>
                  {Object.keys(rule.parameters).length === 0 ? (
                    '—'
                  ) : (
                    <ul>
                      {Object.entries(rule.parameters).map(([name, value]) => (
                        <li key={name}>
                          {name}: {String(value)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  <ul className="sources">
                    {rule.references.map((reference) => (
                      <li key={reference}>
                        {loaderData.citations[reference]?.citation ?? reference}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Changes</h2>
      {loaderData.audit.length === 0 ? (
        <p>No changes yet: the practice uses the default rules.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Audit trail of rule changes</caption>
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Who</th>
                <th scope="col">Version</th>
                <th scope="col">Rule</th>
                <th scope="col">What</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody data-testid="audit">
              {loaderData.audit.map((entry) => (
                <tr key={entry.revision}>
                  <td>{entry.createdAt.slice(0, 16).replace('T', ' ')}</td>
                  <td>{entry.userName}</td>
                  <td>{entry.revision}</td>
                  <td>{entry.ruleId}</td>
                  <td>{describeChange(entry.change)}</td>
                  <td>{entry.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
