import type { AppLoadContext } from '@remix-run/node';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.server';
import { createTestContext, createTestDatabase } from '../test/db';
import { formRequest, getRequest, run } from '../test/requests';
import { eligibleForm, phq9Items } from '../test/screening-fixtures';
import { createPracticeTeam } from '../test/team';
import { action, headers, loader } from './practices.$practiceId.screening';

let database: Database;
let context: AppLoadContext;
let practiceId: string;
const cookies = {} as Record<'owner' | 'clinician' | 'staff' | 'outsider', string>;

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database);
  const team = await createPracticeTeam(context, 'Screening Route Clinic');
  practiceId = team.practice.id;
  Object.assign(cookies, team.cookies);
}, 60_000);

afterAll(async () => {
  await database?.close();
});

const path = () => `/practices/${practiceId}/screening`;

function post(fields: Record<string, string | string[]>, cookie = cookies.clinician) {
  return run(() =>
    action({ request: formRequest(path(), fields, { cookie }), params: { practiceId }, context }),
  );
}

interface Posted {
  result: {
    decision: string;
    findings: { ruleId: string; references: { id: string }[] }[];
    missing: string[];
    errors: { question: string | null; message: string }[];
    scores: Record<string, { total: number; band?: string; flags: string[] }>;
    ruleset: { id: string; version: string };
  };
  problems: Record<string, string>;
  values: Record<string, string | string[]>;
}

/** Row count and content hash of every table: proof that nothing was written. */
async function databaseFingerprint(): Promise<Record<string, string>> {
  const tables = await context.db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const rows = Array.isArray(tables) ? tables : (tables as { rows: { table_name: string }[] }).rows;
  const fingerprint: Record<string, string> = {};
  for (const { table_name: name } of rows) {
    const result = await context.db.execute<{ count: string; hash: string | null }>(
      sql.raw(
        `select count(*)::text as count, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash from "${name}" t`,
      ),
    );
    const [row] = Array.isArray(result)
      ? result
      : (result as { rows: { count: string; hash: string }[] }).rows;
    fingerprint[name] = `${row?.count}:${row?.hash}`;
  }
  return fingerprint;
}

describe('screening loader', () => {
  it('gives clinicians the default ruleset (revision 0) with resolved citations', async () => {
    const outcome = await run(() =>
      loader({
        request: getRequest(path(), { cookie: cookies.clinician }),
        params: { practiceId },
        context,
      }),
    );
    expect(outcome.status).toBe(200);
    const body = outcome.data as {
      ruleset: { id: string; version: string; rules: unknown[] };
      revision: number;
      citations: Record<string, { citation: string; url?: string }>;
      locale: string;
    };
    expect(body.ruleset.id).toBe('ketamine-default');
    expect(body.ruleset.version).toBe('1.2.0');
    expect(body.revision).toBe(0);
    expect(body.citations['spravato-label']?.citation).toMatch(/Spravato/);
    expect(body.citations['kroenke-2001-phq9']?.url).toMatch(/^https:\/\/doi\.org\/10\./);
    expect(body.locale).toBe('en');
  });

  it('switches the form language with ?lang=es', async () => {
    const outcome = await run(() =>
      loader({
        request: getRequest(`${path()}?lang=es`, { cookie: cookies.owner }),
        params: { practiceId },
        context,
      }),
    );
    expect((outcome.data as { locale: string }).locale).toBe('es');
  });

  it('refuses staff (403) and hides the practice from other practices (404)', async () => {
    const staff = await run(() =>
      loader({
        request: getRequest(path(), { cookie: cookies.staff }),
        params: { practiceId },
        context,
      }),
    );
    expect(staff.status).toBe(403);
    const outsider = await run(() =>
      loader({
        request: getRequest(path(), { cookie: cookies.outsider }),
        params: { practiceId },
        context,
      }),
    );
    expect(outsider.status).toBe(404);
  });

  it('tells browsers and proxies not to store the page', () => {
    const value = new Headers(
      headers({
        loaderHeaders: new Headers(),
        parentHeaders: new Headers(),
        actionHeaders: new Headers(),
        errorHeaders: undefined,
      }) as HeadersInit,
    ).get('Cache-Control');
    expect(value).toBe('no-store');
  });
});

describe('screening without JavaScript (stateless action)', () => {
  it('screens an eligible patient and writes nothing to the database', async () => {
    const before = await databaseFingerprint();
    const outcome = await post(eligibleForm());
    const after = await databaseFingerprint();
    expect(outcome.status).toBe(200);
    expect(outcome.headers.get('Cache-Control')).toBe('no-store');
    const body = outcome.data as Posted;
    expect(body.result.decision).toBe('eligible');
    expect(body.result.findings).toEqual([]);
    expect(body.result.scores.phq9).toMatchObject({ total: 12, band: 'moderate', flags: [] });
    expect(body.result.ruleset).toEqual({ id: 'ketamine-default', version: '1.2.0' });
    expect(Object.keys(before).length).toBeGreaterThan(5);
    expect(after).toEqual(before);
  });

  it.each([
    {
      patient: 'pregnant',
      fields: { 'q.sexAssignedAtBirth': 'female', 'q.pregnant': 'yes', 'q.breastfeeding': 'no' },
      decision: 'ineligible',
      rule: 'pregnancy',
    },
    {
      patient: 'blood pressure 165/100 today',
      fields: { 'q.bloodPressureToday.systolic': '165', 'q.bloodPressureToday.diastolic': '100' },
      decision: 'defer',
      rule: 'bp-above-threshold',
    },
    {
      patient: 'PHQ-9 item 9 positive',
      fields: phq9Items(1),
      decision: 'needs-review',
      rule: 'phq9-item9-positive',
    },
  ])('$patient → $decision ($rule)', async ({ fields, decision, rule }) => {
    const before = await databaseFingerprint();
    const outcome = await post({ ...eligibleForm(), ...fields });
    expect(await databaseFingerprint()).toEqual(before);
    const body = outcome.data as Posted;
    expect(body.result.decision).toBe(decision);
    const finding = body.result.findings.find((candidate) => candidate.ruleId === rule);
    expect(finding, `${rule} should fire`).toBeDefined();
    expect(finding?.references.length).toBeGreaterThan(0);
  });

  it('reports missing required questions as incomplete', async () => {
    const fields = eligibleForm();
    delete fields['q.age'];
    delete fields['q.adequateTrials'];
    const body = (await post(fields)).data as Posted;
    expect(body.result.decision).toBe('incomplete');
    expect(body.result.missing).toEqual(['age', 'adequateTrials']);
  });

  it('names the question of an answer out of range, and of input that is not a number', async () => {
    const outOfRange = (await post({ ...eligibleForm(), 'q.age': '500' })).data as Posted;
    expect(outOfRange.result.decision).toBe('incomplete');
    expect(outOfRange.result.errors[0]?.question).toBe('age');
    expect(outOfRange.result.errors[0]?.message).toMatch(/0 to 120/);

    const letters = (await post({ ...eligibleForm(), 'q.adequateTrials': 'two' })).data as Posted;
    expect(letters.problems.adequateTrials).toBe('Enter a number.');
    expect(letters.result.missing).toContain('adequateTrials');
  });

  it('counts a half-filled PHQ-9 as unanswered and says how far it got', async () => {
    const fields = eligibleForm();
    delete fields['q.phq9.8'];
    delete fields['q.phq9.9'];
    const body = (await post(fields)).data as Posted;
    expect(body.problems.phq9).toMatch(/^7 of 9 items answered/);
    expect(body.result.missing).toContain('phq9');
    expect(body.result.scores.phq9).toBeUndefined();
  });

  it('answers in Spanish when the form was in Spanish', async () => {
    const body = (await post({ ...eligibleForm(), lang: 'es', 'q.age': 'treinta' })).data as Posted;
    expect(body.problems.age).toBe('Escriba un número.');
  });

  it('refuses staff and other practices without screening anything', async () => {
    expect((await post(eligibleForm(), cookies.staff)).status).toBe(403);
    const outsider = await post(eligibleForm(), cookies.outsider);
    expect(outsider.status).toBe(404);
    expect(outsider.body).not.toContain('eligible');
  });
});
