import { RulesetSchema } from '@groundwork/eligibility';
import type { AppLoadContext } from '@remix-run/node';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../db/client.server';
import { memberships } from '../db/schema.server';
import { practiceRulesets, rulesetAudit } from '../db/screening-schema.server';
import { createTestContext, createTestDatabase } from '../test/db';
import {
  createSignedInUser,
  createTestPractice,
  formRequest,
  getRequest,
  run,
} from '../test/requests';
import { eligibleForm } from '../test/screening-fixtures';
import { action, loader } from './practices.$practiceId.rules';
import {
  action as screeningAction,
  loader as screeningLoader,
} from './practices.$practiceId.screening';

let database: Database;
let context: AppLoadContext;

type Role = 'owner' | 'clinician' | 'staff';

/** A fresh practice with one member of each role, so tests do not see each other's versions. */
async function practiceWithTeam() {
  const owner = await createSignedInUser(context, { name: 'Olivia Owner' });
  const practice = await createTestPractice(context, owner.user.id);
  const cookies: Record<Role, string> = { owner: owner.cookie, clinician: '', staff: '' };
  for (const role of ['clinician', 'staff'] as const) {
    const member = await createSignedInUser(context, { name: role });
    await context.db
      .insert(memberships)
      .values({ practiceId: practice.id, userId: member.user.id, role });
    cookies[role] = member.cookie;
  }
  return { practiceId: practice.id, cookies, owner: owner.user };
}

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database);
}, 60_000);

afterAll(async () => {
  await database?.close();
});

afterEach(() => {
  vi.restoreAllMocks();
});

function rulesPath(practiceId: string) {
  return `/practices/${practiceId}/rules`;
}

function changeBloodPressure(
  practiceId: string,
  cookie: string,
  overrides: Record<string, string> = {},
) {
  return run(() =>
    action({
      request: formRequest(
        rulesPath(practiceId),
        {
          ruleId: 'bp-above-threshold',
          basedOnRevision: '0',
          severity: 'defer',
          'param.systolicMax': '170',
          'param.diastolicMax': '105',
          enabled: 'on',
          reason: 'Our anaesthetist monitors every session; we defer only above 170/105.',
          ...overrides,
        },
        { cookie },
      ),
      params: { practiceId },
      context,
    }),
  );
}

async function rulesPage(practiceId: string, cookie: string) {
  return run(() =>
    loader({
      request: getRequest(rulesPath(practiceId), { cookie }),
      params: { practiceId },
      context,
    }),
  );
}

interface RulesData {
  ruleset: {
    version: string;
    rules: {
      id: string;
      severity: string;
      enabled: boolean;
      parameters: Record<string, unknown>;
      disabledReason?: string;
    }[];
  };
  revision: number;
  canEdit: boolean;
  audit: {
    revision: number;
    ruleId: string;
    reason: string;
    userName: string;
    change: { before: Record<string, unknown>; after: Record<string, unknown> };
  }[];
}

describe('viewing the rules', () => {
  it('shows every member the default rules with severities, parameters and sources; only owners may edit', async () => {
    const { practiceId, cookies } = await practiceWithTeam();
    for (const role of ['owner', 'clinician', 'staff'] as const) {
      const outcome = await rulesPage(practiceId, cookies[role]);
      expect(outcome.status).toBe(200);
      const body = outcome.data as RulesData & { citations: Record<string, { citation: string }> };
      expect(body.revision).toBe(0);
      expect(body.ruleset.version).toBe('1.2.0');
      expect(body.canEdit).toBe(role === 'owner');
      const bp = body.ruleset.rules.find((rule) => rule.id === 'bp-above-threshold');
      expect(bp).toMatchObject({
        severity: 'defer',
        parameters: { systolicMax: 140, diastolicMax: 90 },
      });
      expect(body.citations['spravato-hcp-dosing']?.citation).toMatch(/SPRAVATO/);
    }
  });
});

describe('changing a rule', () => {
  it('saves a new validated version with an audit entry, and screening then uses it', async () => {
    const { practiceId, cookies, owner } = await practiceWithTeam();
    const outcome = await changeBloodPressure(practiceId, cookies.owner);
    expect(outcome.status).toBe(302);
    expect(outcome.headers.get('Location')).toBe(
      `${rulesPath(practiceId)}?saved=1#rule-bp-above-threshold`,
    );

    const [stored] = await context.db
      .select()
      .from(practiceRulesets)
      .where(eq(practiceRulesets.practiceId, practiceId));
    expect(stored?.revision).toBe(1);
    expect(stored?.createdBy).toBe(owner.id);
    const parsed = RulesetSchema.parse(stored?.ruleset);
    expect(parsed.version).toMatch(/^1\.2\.0\+practice-[0-9a-f]{8}\.1$/);
    expect(parsed.basedOn).toEqual({ id: 'ketamine-default', version: '1.2.0' });

    const page = (await rulesPage(practiceId, cookies.clinician)).data as RulesData;
    expect(page.revision).toBe(1);
    expect(page.audit).toEqual([
      expect.objectContaining({
        revision: 1,
        ruleId: 'bp-above-threshold',
        userName: 'Olivia Owner',
        reason: 'Our anaesthetist monitors every session; we defer only above 170/105.',
        change: {
          before: { parameters: { systolicMax: 140, diastolicMax: 90 } },
          after: { parameters: { systolicMax: 170, diastolicMax: 105 } },
        },
      }),
    ]);

    const screening = await run(() =>
      screeningLoader({
        request: getRequest(`/practices/${practiceId}/screening`, { cookie: cookies.clinician }),
        params: { practiceId },
        context,
      }),
    );
    expect(
      (screening.data as { revision: number; ruleset: { version: string } }).ruleset.version,
    ).toBe(parsed.version);

    const screened = await run(() =>
      screeningAction({
        request: formRequest(
          `/practices/${practiceId}/screening`,
          {
            ...eligibleForm(),
            'q.bloodPressureToday.systolic': '165',
            'q.bloodPressureToday.diastolic': '100',
          },
          { cookie: cookies.clinician },
        ),
        params: { practiceId },
        context,
      }),
    );
    const result = (screened.data as { result: { decision: string; ruleset: { version: string } } })
      .result;
    expect(result.decision).toBe('eligible');
    expect(result.ruleset.version).toBe(parsed.version);
  });

  it('turns a rule off only with a reason, keeps the reason on the rule and stops it firing', async () => {
    const { practiceId, cookies } = await practiceWithTeam();
    const withoutReason = await changeBloodPressure(practiceId, cookies.owner, {
      'param.systolicMax': '140',
      'param.diastolicMax': '90',
      enabled: '',
      reason: '',
    });
    expect(withoutReason.status).toBe(400);
    expect(
      (withoutReason.data as { fieldErrors: Record<string, string> }).fieldErrors.reason,
    ).toMatch(/Say why/);

    const off = await changeBloodPressure(practiceId, cookies.owner, {
      'param.systolicMax': '140',
      'param.diastolicMax': '90',
      enabled: '',
      reason: 'Blood pressure is handled by the anaesthesia protocol, not by screening.',
    });
    expect(off.status).toBe(302);
    const page = (await rulesPage(practiceId, cookies.owner)).data as RulesData;
    const bp = page.ruleset.rules.find((rule) => rule.id === 'bp-above-threshold');
    expect(bp?.enabled).toBe(false);
    expect(bp?.disabledReason).toMatch(/anaesthesia protocol/);
    expect(page.audit[0]?.change).toEqual({ before: { enabled: true }, after: { enabled: false } });

    const screened = await run(() =>
      screeningAction({
        request: formRequest(
          `/practices/${practiceId}/screening`,
          {
            ...eligibleForm(),
            'q.bloodPressureToday.systolic': '190',
            'q.bloodPressureToday.diastolic': '110',
          },
          { cookie: cookies.clinician },
        ),
        params: { practiceId },
        context,
      }),
    );
    const result = (
      screened.data as { result: { decision: string; findings: { ruleId: string }[] } }
    ).result;
    expect(result.findings.map((finding) => finding.ruleId)).not.toContain('bp-above-threshold');
    expect(result.decision).toBe('eligible');
  });

  it.each([
    {
      field: 'param.systolicMax',
      value: 'high',
      message: /expected a number such as 140, received "high"/,
    },
    { field: 'param.systolicMax', value: '150.5', message: /expected a whole number/ },
    { field: 'param.diastolicMax', value: '-3', message: /from 60 to 110 mmHg, received -3/ },
    { field: 'param.systolicMax', value: '400', message: /from 100 to 180 mmHg, received 400/ },
    { field: 'severity', value: 'ban', message: /Choose a severity/ },
  ])('refuses $field = "$value" with an error naming the field', async ({
    field,
    value,
    message,
  }) => {
    const { practiceId, cookies } = await practiceWithTeam();
    const outcome = await changeBloodPressure(practiceId, cookies.owner, { [field]: value });
    expect(outcome.status).toBe(400);
    const errors = (outcome.data as { fieldErrors: Record<string, string> }).fieldErrors;
    expect(errors[field]).toMatch(message);
    const rows = await context.db
      .select()
      .from(practiceRulesets)
      .where(eq(practiceRulesets.practiceId, practiceId));
    expect(rows).toEqual([]);
  });

  it('refuses a change that changes nothing, an unknown rule and a stale form', async () => {
    const { practiceId, cookies } = await practiceWithTeam();
    const nothing = await changeBloodPressure(practiceId, cookies.owner, {
      'param.systolicMax': '140',
      'param.diastolicMax': '90',
    });
    expect(nothing.status).toBe(400);
    expect((nothing.data as { fieldErrors: Record<string, string> }).fieldErrors.form).toMatch(
      /Nothing changed/,
    );

    const unknown = await changeBloodPressure(practiceId, cookies.owner, {
      ruleId: 'no-such-rule',
    });
    expect(unknown.status).toBe(400);
    expect((unknown.data as { fieldErrors: Record<string, string> }).fieldErrors.form).toMatch(
      /no rule "no-such-rule"/,
    );

    expect((await changeBloodPressure(practiceId, cookies.owner)).status).toBe(302);
    const stale = await changeBloodPressure(practiceId, cookies.owner, {
      'param.systolicMax': '180',
    });
    expect(stale.status).toBe(409);
    expect((stale.data as { fieldErrors: Record<string, string> }).fieldErrors.form).toMatch(
      /Reload the page/,
    );
    const rows = await context.db
      .select()
      .from(practiceRulesets)
      .where(eq(practiceRulesets.practiceId, practiceId));
    expect(rows.map((row) => row.revision)).toEqual([1]);
  });

  it('refuses clinicians and staff (403) and other practices (404) without saving', async () => {
    const { practiceId, cookies } = await practiceWithTeam();
    expect((await changeBloodPressure(practiceId, cookies.clinician)).status).toBe(403);
    expect((await changeBloodPressure(practiceId, cookies.staff)).status).toBe(403);
    const other = await practiceWithTeam();
    expect((await changeBloodPressure(practiceId, other.cookies.owner)).status).toBe(404);
    const rows = await context.db
      .select()
      .from(rulesetAudit)
      .where(eq(rulesetAudit.practiceId, practiceId));
    expect(rows).toEqual([]);
  });
});

describe('a malformed stored ruleset', () => {
  it('stops screening and the rules page with a clear 500 and a log line, never the default', async () => {
    const { practiceId, cookies } = await practiceWithTeam();
    expect((await changeBloodPressure(practiceId, cookies.owner)).status).toBe(302);
    await context.db
      .update(practiceRulesets)
      .set({ ruleset: { id: 'Broken Ruleset', version: 'one', questions: [], rules: [] } })
      .where(and(eq(practiceRulesets.practiceId, practiceId), eq(practiceRulesets.revision, 1)));
    const logged: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      logged.push(String(chunk));
      return true;
    });

    const screening = await run(() =>
      screeningLoader({
        request: getRequest(`/practices/${practiceId}/screening`, { cookie: cookies.clinician }),
        params: { practiceId },
        context,
      }),
    );
    expect(screening.status).toBe(500);
    expect(screening.body).toMatch(
      /screening rules \(version 1\) are stored in a form that no longer passes validation/,
    );
    expect(screening.body).not.toContain('ketamine-default');

    const noJs = await run(() =>
      screeningAction({
        request: formRequest(`/practices/${practiceId}/screening`, eligibleForm(), {
          cookie: cookies.clinician,
        }),
        params: { practiceId },
        context,
      }),
    );
    expect(noJs.status).toBe(500);
    expect((await rulesPage(practiceId, cookies.owner)).status).toBe(500);

    expect(logged.length).toBe(3);
    const line = JSON.parse(logged[0] ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({
      level: 50,
      msg: 'stored screening ruleset is invalid',
      practiceId,
      revision: 1,
    });
    expect(line.paths).toEqual(expect.arrayContaining(['id', 'version']));
    // The no-JS post carried answers; none of them reaches the log.
    // (Digits are not checked: timestamps contain any of them.)
    expect(logged.join('')).not.toMatch(/male|q\.|bloodPressure|adequateTrials/);
  });
});
