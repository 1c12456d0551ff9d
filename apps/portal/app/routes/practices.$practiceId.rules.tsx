import { type Rule, RulesetError } from '@groundwork/eligibility';
import {
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from '@remix-run/node';
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { RuleEditForm } from '../components/rule-edit-form';
import { requirePracticeAccess } from '../lib/auth/practice-access.server';
import { citationsFor, requirePracticeRuleset } from '../lib/rules/practice-ruleset.server';
import { hasRole } from '../lib/auth/roles';
import type { PracticeRouteHandle } from '../lib/auth/roles';
import { parseRuleChange } from '../lib/rules/rule-change-form.server';
import {
  type RuleChangeRecord,
  RulesetConflictError,
  changeRule,
  diffSettings,
  listRulesetAudit,
  settingsOf,
} from '../lib/rules/rulesets.server';
import screeningStyles from '../styles/screening.css?url';
import { readForm } from '../lib/forms.server';

/**
 * The practice's screening rules. Every member may read them (they are not
 * patient data, and staff should know what screening checks); only owners
 * change them — anyone else's post gets 403.
 */
export const handle: PracticeRouteHandle = { access: { loader: 'staff', action: 'owner' } };

export const meta: MetaFunction = () => [{ title: 'Screening rules — Groundwork' }];

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: screeningStyles }];

/** The current ruleset, its version, the audit trail and whether this member may edit. */
export async function loader(args: LoaderFunctionArgs) {
  const { practiceId, role } = await requirePracticeAccess(args);
  const current = await requirePracticeRuleset(args.context.db, practiceId);
  const audit = await listRulesetAudit(args.context.db, practiceId);
  const { ruleset } = current;
  return {
    // Only what the page shows: conditions, questions and other locales stay on the server.
    ruleset: {
      id: ruleset.id,
      version: ruleset.version,
      rules: ruleset.rules.map((rule) => ({
        id: rule.id,
        version: rule.version,
        severity: rule.severity,
        urgent: rule.urgent,
        enabled: rule.enabled,
        disabledReason: rule.disabledReason,
        message: interpolate(rule.message.en, rule.parameters),
        parameters: rule.parameters,
        parameterRanges: rule.parameterRanges,
        references: rule.references,
      })),
    },
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
  const formData = await readForm(args.request);
  const parsed = parseRuleChange(formData, current.ruleset.rules);
  if (!parsed.ok) {
    return data({ ruleId: parsed.ruleId, fieldErrors: parsed.fieldErrors }, { status: 400 });
  }
  const rule = current.ruleset.rules.find((candidate) => candidate.id === parsed.ruleId);
  const unchanged =
    rule && Object.keys(diffSettings(settingsOf(rule), parsed.settings).after).length === 0;
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

export default function PracticeRules() {
  const loaderData = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { ruleset } = loaderData;
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
                  <p>{rule.message}</p>
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
