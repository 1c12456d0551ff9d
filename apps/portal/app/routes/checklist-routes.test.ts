import { getChecklistTemplate } from '@groundwork/content';
import type { AppLoadContext } from '@remix-run/node';
import { parse } from 'csv-parse/sync';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.server';
import { memberships } from '../db/schema.server';
import { DEFAULT_SETTINGS, saveBrandKit } from '../lib/documents/brand-kit.server';
import { syntheticV2 } from '../test/checklist-v2';
import { createTestContext, createTestDatabase } from '../test/db';
import {
  createSignedInUser,
  createTestPractice,
  formRequest,
  getRequest,
  run,
} from '../test/requests';
import { loader as overviewLoader } from './practices.$practiceId._index';
import {
  action as itemAction,
  loader as itemLoader,
} from './practices.$practiceId.checklist.$itemId';
import {
  action as listAction,
  loader as listLoader,
} from './practices.$practiceId.checklist._index';
import { loader as csvLoader } from './practices.$practiceId.checklist.export.csv';
import { loader as pdfLoader } from './practices.$practiceId.checklist.export.pdf';
import { loader as nextLoader } from './practices.$practiceId.checklist.next';

let database: Database;
let context: AppLoadContext;

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database);
}, 120_000);
afterAll(async () => {
  await database?.close();
});

async function setup(name = 'Harbor Ketamine Clinic') {
  const owner = await createSignedInUser(context, { name: 'Olivia Owner' });
  const staff = await createSignedInUser(context, { name: 'Sam Staff' });
  const practice = await createTestPractice(context, owner.user.id, { name });
  await context.db
    .insert(memberships)
    .values({ practiceId: practice.id, userId: staff.user.id, role: 'staff' });
  const base = `/practices/${practice.id}/checklist`;
  const post = (
    itemId: string,
    fields: Record<string, string>,
    cookie = owner.cookie,
    ctx = context,
  ) =>
    run(() =>
      itemAction({
        request: formRequest(`${base}/${itemId}`, { intent: 'update', ...fields }, { cookie }),
        params: { practiceId: practice.id, itemId },
        context: ctx,
      }),
    );
  return { owner, staff, practice, base, post };
}

describe('item page and updates', () => {
  it('shows why, steps, resolved references and history', async () => {
    const { owner, practice, base, post } = await setup();
    await post('dea-registration-per-site', {
      expectedVersion: '0',
      status: 'in-progress',
      notes: 'Applied for site 2',
    });
    const outcome = await run(() =>
      itemLoader({
        request: getRequest(`${base}/dea-registration-per-site`, { cookie: owner.cookie }),
        params: { practiceId: practice.id, itemId: 'dea-registration-per-site' },
        context,
      }),
    );
    expect(outcome.status).toBe(200);
    const page = outcome.data as Awaited<ReturnType<typeof itemLoader>>;
    expect(page.item.why).toMatch(/Schedule III/);
    expect(page.item.steps.length).toBeGreaterThan(1);
    expect(page.item.references.map((reference) => reference.id)).toContain('cfr-21-1301');
    expect(page.item.references[0]?.citation.length).toBeGreaterThan(10);
    expect(page.progress).toMatchObject({
      status: 'in-progress',
      notes: 'Applied for site 2',
      version: 1,
    });
    expect(page.history[0]).toMatchObject({ actorName: 'Olivia Owner', version: 1 });
  });

  it('answers a stale version with 409 and the current values, and saves nothing', async () => {
    const { staff, post } = await setup();
    expect(
      (await post('npi-numbers', { expectedVersion: '0', notes: 'owner wrote this' })).status,
    ).toBe(200);
    const stale = await post(
      'npi-numbers',
      { expectedVersion: '0', notes: 'staff wrote this' },
      staff.cookie,
    );
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({
      ok: false,
      conflict: {
        current: { version: 1, notes: 'owner wrote this' },
        yourChanges: { notes: 'staff wrote this' },
        theirFields: ['notes'],
      },
    });
    const reapplied = await post(
      'npi-numbers',
      { expectedVersion: '1', notes: 'staff wrote this' },
      staff.cookie,
    );
    expect(reapplied).toMatchObject({ status: 200, data: { ok: true, version: 2 } });
  });

  it('names the field on bad input and 404s items not on the checklist', async () => {
    const { staff, practice, post } = await setup();
    const noReason = await post('npi-numbers', { expectedVersion: '0', status: 'not-applicable' });
    expect(noReason.status).toBe(400);
    expect(noReason.data).toMatchObject({
      fieldErrors: { notApplicableReason: expect.any(String) },
    });
    const badLink = await post('npi-numbers', {
      expectedVersion: '0',
      evidenceLinks: 'ftp://example.org/x',
    });
    expect(badLink.data).toMatchObject({
      fieldErrors: { evidenceLinks: expect.stringMatching(/https/) },
    });
    const noVersion = await post('npi-numbers', { status: 'done' });
    expect(noVersion.data).toMatchObject({ fieldErrors: { expectedVersion: expect.any(String) } });
    const outsider = await createSignedInUser(context, { name: 'Outsider' });
    const notMember = await post('npi-numbers', {
      expectedVersion: '0',
      assigneeId: outsider.user.id,
    });
    expect(notMember.data).toMatchObject({
      fieldErrors: { assigneeId: expect.stringMatching(/member/) },
    });
    // IM dosing is hidden for this IV + esketamine practice.
    expect(
      (await post('dosing-protocol-im', { expectedVersion: '0', status: 'done' }, staff.cookie))
        .status,
    ).toBe(404);
    expect(practice.routes).not.toContain('im');
    const acknowledgeUnknown = await run(() =>
      itemAction({
        request: formRequest(
          `/practices/${practice.id}/checklist/no-such-item`,
          { intent: 'acknowledge' },
          { cookie: staff.cookie },
        ),
        params: { practiceId: practice.id, itemId: 'no-such-item' },
        context,
      }),
    );
    expect(acknowledgeUnknown.status).toBe(404);
  });
});

describe('list, filters, what is next and dashboard', () => {
  it('filters overdue and unassigned items and moves the progress figures', async () => {
    const { owner, staff, practice, base, post } = await setup();
    await post('npi-numbers', {
      expectedVersion: '0',
      dueDate: '2020-01-01',
      assigneeId: staff.user.id,
    });
    await post('state-licence-scope', { expectedVersion: '0', status: 'done' });
    const list = async (query: string) => {
      const outcome = await run(() =>
        listLoader({
          request: getRequest(`${base}${query}`, { cookie: owner.cookie }),
          params: { practiceId: practice.id },
          context,
        }),
      );
      return outcome.data as Awaited<ReturnType<typeof listLoader>>;
    };
    const overdue = await list('?overdue=1');
    expect(overdue.items.map((item) => item.id)).toEqual(['npi-numbers']);
    const unassigned = await list('?assignee=unassigned&status=open');
    expect(unassigned.items.some((item) => item.id === 'npi-numbers')).toBe(false);
    expect(unassigned.items.some((item) => item.id === 'state-licence-scope')).toBe(false);
    expect(unassigned.items.length).toBe(unassigned.counts.unassigned);
    const all = await list('');
    expect(all.overall.done).toBe(1);

    const quick = await run(() =>
      listAction({
        request: formRequest(
          base,
          {
            intent: 'update',
            itemId: 'dea-registration-per-site',
            expectedVersion: '0',
            status: 'done',
          },
          { cookie: staff.cookie },
        ),
        params: { practiceId: practice.id },
        context,
      }),
    );
    expect(quick.status).toBe(200);
    expect((await list('')).overall.done).toBe(2);

    const next = await run(() =>
      nextLoader({
        request: getRequest(`${base}/next`, { cookie: owner.cookie }),
        params: { practiceId: practice.id },
        context,
      }),
    );
    const blocking = (next.data as Awaited<ReturnType<typeof nextLoader>>).blocking.map(
      (item) => item.id,
    );
    expect(blocking).not.toContain('state-licence-scope');
    expect(blocking[0]).toBe('npi-numbers');

    const dashboard = await run(() =>
      overviewLoader({
        request: getRequest(`/practices/${practice.id}`, { cookie: owner.cookie }),
        params: { practiceId: practice.id },
        context,
      }),
    );
    const summary = (dashboard.data as Awaited<ReturnType<typeof overviewLoader>>).checklist;
    expect(summary.overall.done).toBe(2);
    expect(summary.overdue).toBe(1);
    expect(summary.sections.find((section) => section.id === 'licensing')?.progress.done).toBe(2);
  });

  it('shows a template upgrade until "mark all as seen", keeping progress', async () => {
    const { owner, practice, base, post } = await setup();
    const v1 = getChecklistTemplate();
    const { template: v2, changedId, addedId } = syntheticV2(v1);
    await post(changedId, { expectedVersion: '0', status: 'done' });
    const upgraded = createTestContext(database, { checklistTemplate: v2 });
    const list = async () =>
      (
        await run(() =>
          listLoader({
            request: getRequest(base, { cookie: owner.cookie }),
            params: { practiceId: practice.id },
            context: upgraded,
          }),
        )
      ).data as Awaited<ReturnType<typeof listLoader>>;
    const before = await list();
    expect(before.upgrade).toMatchObject({ currentVersion: '2.0.0', newCount: 1, changedCount: 1 });
    expect(before.items.find((item) => item.id === addedId)?.badge).toBe('new');
    expect(before.items.find((item) => item.id === changedId)).toMatchObject({
      badge: 'changed',
      status: 'done',
    });
    await run(() =>
      listAction({
        request: formRequest(base, { intent: 'acknowledge-all' }, { cookie: owner.cookie }),
        params: { practiceId: practice.id },
        context: upgraded,
      }),
    );
    const after = await list();
    expect(after.upgrade).toBeNull();
    expect(after.items.every((item) => item.badge === null)).toBe(true);
  });
});

describe('exports', () => {
  it('exports CSV that spreadsheets cannot run, with quoting intact', async () => {
    const { owner, practice, base, post } = await setup('Comma, "Quote" Clinic');
    const notes = '=HYPERLINK("http://evil.example","click"), then\n"quoted" line';
    await post('npi-numbers', { expectedVersion: '0', notes, status: 'in-progress' });
    await post('state-licence-scope', {
      expectedVersion: '0',
      notes: '@SUM(A1)',
      status: 'not-applicable',
      notApplicableReason: '-Group licence',
    });
    const outcome = await run(() =>
      csvLoader({
        request: getRequest(`${base}/export/csv`, { cookie: owner.cookie }),
        params: { practiceId: practice.id },
        context,
      }),
    );
    expect(outcome.status).toBe(200);
    expect(outcome.headers.get('Content-Type')).toMatch(/^text\/csv/);
    expect(outcome.headers.get('Content-Disposition')).toMatch(
      /filename="checklist-comma-quote-clinic-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const rows: string[][] = parse(outcome.body, { bom: true });
    expect(rows[0]?.slice(0, 4)).toEqual(['Section', 'Item ID', 'Item', 'Status']);
    const npi = rows.find((row) => row[1] === 'npi-numbers');
    expect(npi?.[3]).toBe('In progress');
    expect(npi?.[8]).toBe(`'${notes}`);
    const licence = rows.find((row) => row[1] === 'state-licence-scope');
    expect(licence?.[4]).toBe("'-Group licence");
    expect(licence?.[8]).toBe("'@SUM(A1)");
    for (const row of rows.slice(1)) {
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
    }
  });

  it('exports a PDF readiness report with the practice, progress and items', async () => {
    const { owner, practice, base, post } = await setup('Lakeside Readiness Clinic');
    await post('npi-numbers', { expectedVersion: '0', status: 'done' });
    const response = await pdfLoader({
      request: getRequest(`${base}/export/pdf`, { cookie: owner.cookie }),
      params: { practiceId: practice.id },
      context,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/pdf');
    const pdf = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
    const { text } = await extractText(pdf, { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Lakeside Readiness Clinic');
    expect(flat).toMatch(/Licensing and registration/);
    expect(flat).toMatch(/National Provider Identifier/);
    expect(flat).toContain(`version ${getChecklistTemplate().version}`);
  }, 120_000);

  it("brands the readiness report with the practice's saved brand kit", async () => {
    const { owner, practice, base } = await setup('Brandwell Clinic');
    await saveBrandKit(context.db, {
      practiceId: practice.id,
      userId: owner.user.id,
      settings: { ...DEFAULT_SETTINGS, practice: { phone: '555-0142' } },
      logo: { kind: 'keep' },
    });
    const response = await pdfLoader({
      request: getRequest(`${base}/export/pdf`, { cookie: owner.cookie }),
      params: { practiceId: practice.id },
      context,
    });
    const pdf = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text.replace(/\s+/g, ' ')).toContain('555-0142');
  }, 120_000);
});
