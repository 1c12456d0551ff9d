import { getChecklistTemplate } from '@groundwork/content';
import type { AppLoadContext } from '@remix-run/node';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistItemEvents, checklistItems } from '../../db/checklist-schema.server';
import type { Database } from '../../db/client.server';
import { memberships } from '../../db/schema.server';
import { syntheticV2 } from '../../test/checklist-v2';
import { createTestContext, createTestDatabase } from '../../test/db';
import { createSignedInUser, createTestPractice } from '../../test/requests';
import { acknowledgeItems, listItemHistory, loadChecklist, whatsNext } from './checklist.server';
import { ItemPatchSchema, updateChecklistItem } from './checklist-update.server';
import type { Practice } from '../practices/practices.server';
import { updatePractice } from '../practices/practices.server';

const template = getChecklistTemplate();
let database: Database;
let context: AppLoadContext;

beforeAll(async () => {
  database = await createTestDatabase();
  context = createTestContext(database);
}, 120_000);
afterAll(async () => {
  await database?.close();
});

async function setup(profile: Partial<Practice> = {}) {
  const owner = await createSignedInUser(context, { name: 'Olivia Owner' });
  const practice = await createTestPractice(context, owner.user.id, profile);
  return { owner: owner.user, practice };
}

const patch = (fields: Record<string, string>) => ItemPatchSchema.parse(fields);

describe('which items a practice gets', () => {
  it('follows the profile and keeps progress on items the profile hides', async () => {
    const { owner, practice } = await setup({
      routes: ['iv', 'intranasal-esketamine'],
      telehealth: true,
    });
    const before = await loadChecklist(context.db, { practice, template });
    const ids = before.entries.map((entry) => entry.item.id);
    expect(ids).toContain('esketamine-session-protocol');
    expect(ids).toContain('dea-telehealth-deadline');
    expect(ids).not.toContain('dosing-protocol-im');

    const saved = await updateChecklistItem(context.db, {
      practice,
      template,
      itemId: 'esketamine-session-protocol',
      actor: owner,
      patch: patch({ expectedVersion: '0', status: 'done', notes: 'Signed off' }),
    });
    expect(saved.kind).toBe('saved');

    const narrowed = { ...practice, routes: ['im'], telehealth: false };
    await updatePractice(context.db, {
      practiceId: practice.id,
      profile: { ...narrowed, name: practice.name, state: 'OR', routes: ['im'] },
      actor: owner,
    });
    const after = await loadChecklist(context.db, { practice: narrowed, template });
    const afterIds = after.entries.map((entry) => entry.item.id);
    expect(afterIds).not.toContain('esketamine-session-protocol');
    expect(afterIds).not.toContain('dea-telehealth-deadline');
    expect(afterIds).toContain('dosing-protocol-im');
    expect(after.hiddenCount).toBeGreaterThan(0);

    const restored = await loadChecklist(context.db, { practice, template });
    const entry = restored.entries.find(
      (candidate) => candidate.item.id === 'esketamine-session-protocol',
    );
    expect(entry).toMatchObject({ status: 'done', notes: 'Signed off', version: 1, badge: null });
  });

  it('resolves each item citation from the references registry', async () => {
    const { practice } = await setup();
    const checklist = await loadChecklist(context.db, { practice, template });
    const dea = checklist.entries.find((entry) => entry.item.id === 'dea-registration-per-site');
    expect(dea?.item.resolvedReferences.length).toBeGreaterThan(0);
    for (const reference of dea?.item.resolvedReferences ?? []) {
      expect(reference.citation).not.toMatch(/not in the registry/);
    }
  });
});

describe('updating an item', () => {
  it('records every change in history with who, from and to', async () => {
    const { owner, practice } = await setup();
    const colleague = await createSignedInUser(context, { name: 'Carl Clinician' });
    await context.db
      .insert(memberships)
      .values({ practiceId: practice.id, userId: colleague.user.id, role: 'clinician' });
    const first = await updateChecklistItem(context.db, {
      practice,
      template,
      itemId: 'npi-numbers',
      actor: owner,
      patch: patch({
        expectedVersion: '0',
        status: 'in-progress',
        assigneeId: colleague.user.id,
        dueDate: '2026-12-01',
      }),
    });
    expect(first).toMatchObject({ kind: 'saved', version: 1 });
    const second = await updateChecklistItem(context.db, {
      practice,
      template,
      itemId: 'npi-numbers',
      actor: colleague.user,
      patch: patch({
        expectedVersion: '1',
        status: 'done',
        evidenceLinks: 'https://npiregistry.cms.hhs.gov/\n',
      }),
    });
    expect(second).toMatchObject({ kind: 'saved', version: 2 });
    const history = await listItemHistory(context.db, {
      practiceId: practice.id,
      itemId: 'npi-numbers',
    });
    expect(history.map((event) => [event.version, event.actorName])).toEqual([
      [2, 'Carl Clinician'],
      [1, 'Olivia Owner'],
    ]);
    expect(history[0]?.changes).toEqual([
      { field: 'status', from: 'in-progress', to: 'done' },
      { field: 'evidenceLinks', from: [], to: ['https://npiregistry.cms.hhs.gov/'] },
    ]);
    expect(history[1]?.changes).toContainEqual({
      field: 'assigneeId',
      from: null,
      to: colleague.user.id,
    });
  });

  it('refuses a stale version and reports the other change and the member’s own edits', async () => {
    const { owner, practice } = await setup();
    const itemId = 'state-licence-scope';
    await updateChecklistItem(context.db, {
      practice,
      template,
      itemId,
      actor: owner,
      patch: patch({ expectedVersion: '0', status: 'to-do', notes: 'first' }),
    });
    // Two members both saw version 1; the first edits notes, the second edits status (and re-posts the notes they saw).
    const winner = await updateChecklistItem(context.db, {
      practice,
      template,
      itemId,
      actor: owner,
      patch: patch({ expectedVersion: '1', status: 'to-do', notes: 'winner' }),
    });
    expect(winner).toMatchObject({ kind: 'saved', version: 2 });
    const loser = await updateChecklistItem(context.db, {
      practice,
      template,
      itemId,
      actor: owner,
      patch: patch({ expectedVersion: '1', status: 'in-progress', notes: 'first' }),
    });
    expect(loser.kind).toBe('conflict');
    if (loser.kind !== 'conflict') return;
    expect(loser.current).toMatchObject({ version: 2, notes: 'winner', status: 'to-do' });
    expect(loser.theirFields).toEqual(['notes']);
    // The stale notes are not counted as an edit, so re-applying cannot undo the winner's notes.
    expect(loser.yourChanges).toEqual({ status: 'in-progress' });
    const [row] = await context.db
      .select()
      .from(checklistItems)
      .where(and(eq(checklistItems.practiceId, practice.id), eq(checklistItems.itemId, itemId)));
    expect(row).toMatchObject({ version: 2, notes: 'winner', status: 'to-do' });
    const reapplied = await updateChecklistItem(context.db, {
      practice,
      template,
      itemId,
      actor: owner,
      patch: patch({ expectedVersion: '2', status: 'in-progress' }),
    });
    expect(reapplied).toMatchObject({ kind: 'saved', version: 3 });
  });

  it('needs a reason for not applicable, a member as assignee and http(s) links', async () => {
    const { owner, practice } = await setup();
    const stranger = await createSignedInUser(context, { name: 'Not A Member' });
    const base = { practice, template, itemId: 'npi-numbers', actor: owner };
    expect(
      await updateChecklistItem(context.db, {
        ...base,
        patch: patch({ expectedVersion: '0', status: 'not-applicable' }),
      }),
    ).toEqual({
      kind: 'invalid',
      fieldErrors: { notApplicableReason: expect.stringMatching(/why/) },
    });
    expect(
      await updateChecklistItem(context.db, {
        ...base,
        patch: patch({ expectedVersion: '0', assigneeId: stranger.user.id }),
      }),
    ).toEqual({ kind: 'invalid', fieldErrors: { assigneeId: expect.stringMatching(/member/) } });
    const links = ItemPatchSchema.safeParse({
      expectedVersion: '0',
      evidenceLinks: 'javascript:alert(1)',
    });
    expect(links.success).toBe(false);
    expect(links.error?.issues[0]?.path[0]).toBe('evidenceLinks');
    const done = await updateChecklistItem(context.db, {
      ...base,
      patch: patch({
        expectedVersion: '0',
        status: 'not-applicable',
        notApplicableReason: 'We bill no insurers',
      }),
    });
    expect(done).toMatchObject({ kind: 'saved', version: 1 });
    const events = await context.db
      .select()
      .from(checklistItemEvents)
      .where(eq(checklistItemEvents.practiceId, practice.id));
    expect(events).toHaveLength(1);
  });

  it('saves nothing and writes no history when nothing changed', async () => {
    const { owner, practice } = await setup();
    const outcome = await updateChecklistItem(context.db, {
      practice,
      template,
      itemId: 'npi-numbers',
      actor: owner,
      patch: patch({ expectedVersion: '0', status: 'to-do', notes: '' }),
    });
    expect(outcome).toEqual({ kind: 'unchanged', version: 0 });
  });

  it('does not find items that are hidden by the profile or not in the template', async () => {
    const { owner, practice } = await setup({ routes: ['iv'], telehealth: false });
    for (const itemId of ['dosing-protocol-im', 'no-such-item']) {
      const outcome = await updateChecklistItem(context.db, {
        practice,
        template,
        itemId,
        actor: owner,
        patch: patch({ expectedVersion: '0', status: 'done' }),
      });
      expect(outcome).toEqual({ kind: 'not-found' });
    }
  });
});

describe('progress, overdue and what is next', () => {
  it('counts done of applicable items, overall and per section', async () => {
    const { owner, practice } = await setup();
    const empty = await loadChecklist(context.db, { practice, template });
    const total = empty.overall.total;
    expect(empty.overall).toMatchObject({ done: 0, percent: 0 });
    await updateChecklistItem(context.db, {
      practice,
      template,
      itemId: 'npi-numbers',
      actor: owner,
      patch: patch({ expectedVersion: '0', status: 'done' }),
    });
    await updateChecklistItem(context.db, {
      practice,
      template,
      itemId: 'state-licence-scope',
      actor: owner,
      patch: patch({
        expectedVersion: '0',
        status: 'not-applicable',
        notApplicableReason: 'Covered by group',
      }),
    });
    const after = await loadChecklist(context.db, { practice, template });
    expect(after.overall).toMatchObject({ done: 1, total: total - 1 });
    const licensing = after.sections.find((section) => section.id === 'licensing');
    const licensingItems = after.entries.filter(
      (entry) => entry.item.sectionId === 'licensing',
    ).length;
    expect(licensing?.progress).toMatchObject({ done: 1, total: licensingItems - 1 });
  });

  it('flags overdue open items and lists open items by section then due date', async () => {
    const { owner, practice } = await setup();
    const edit = (itemId: string, fields: Record<string, string>) =>
      updateChecklistItem(context.db, {
        practice,
        template,
        itemId,
        actor: owner,
        patch: patch({ expectedVersion: '0', ...fields }),
      });
    await edit('dea-registration-per-site', { dueDate: '2026-01-10' });
    await edit('npi-numbers', { dueDate: '2026-01-05', status: 'done' });
    await edit('state-cs-registration', { dueDate: '2026-01-01' });
    const checklist = await loadChecklist(context.db, { practice, template, today: '2026-02-01' });
    const overdue = checklist.entries
      .filter((entry) => entry.overdue)
      .map((entry) => entry.item.id);
    expect(overdue.sort()).toEqual(['dea-registration-per-site', 'state-cs-registration']);
    const next = whatsNext(checklist).map((entry) => entry.item.id);
    expect(next).not.toContain('npi-numbers');
    expect(next.slice(0, 2)).toEqual(['state-cs-registration', 'dea-registration-per-site']);
    const firstOtherSection = next.findIndex(
      (id) => checklist.entries.find((e) => e.item.id === id)?.item.sectionId !== 'licensing',
    );
    expect(
      next
        .slice(0, firstOtherSection)
        .every(
          (id) => checklist.entries.find((e) => e.item.id === id)?.item.sectionId === 'licensing',
        ),
    ).toBe(true);
  });
});

describe('template upgrades', () => {
  it('marks new and changed items until acknowledged and keeps progress on surviving ids', async () => {
    const { owner, practice } = await setup();
    const v1 = await loadChecklist(context.db, { practice, template });
    expect(v1.upgrade).toBeNull();
    expect(v1.entries.every((entry) => entry.badge === null)).toBe(true);
    const { template: v2, changedId, removedId, addedId } = syntheticV2(template);
    for (const itemId of [changedId, removedId]) {
      await updateChecklistItem(context.db, {
        practice,
        template,
        itemId,
        actor: owner,
        patch: patch({ expectedVersion: '0', status: 'done', notes: `kept ${itemId}` }),
      });
    }
    const upgraded = await loadChecklist(context.db, { practice, template: v2 });
    expect(upgraded.upgrade).toEqual({
      seenVersion: template.version,
      currentVersion: v2.version,
      newCount: 1,
      changedCount: 1,
    });
    const badges = Object.fromEntries(
      upgraded.entries.filter((entry) => entry.badge).map((entry) => [entry.item.id, entry.badge]),
    );
    expect(badges).toEqual({ [changedId]: 'changed', [addedId]: 'new' });
    expect(upgraded.entries.find((entry) => entry.item.id === changedId)).toMatchObject({
      status: 'done',
      notes: `kept ${changedId}`,
    });
    expect(upgraded.entries.some((entry) => entry.item.id === removedId)).toBe(false);

    await acknowledgeItems(context.db, { practiceId: practice.id, template: v2, itemId: addedId });
    const partly = await loadChecklist(context.db, { practice, template: v2 });
    expect(partly.upgrade).toMatchObject({ newCount: 0, changedCount: 1 });
    await acknowledgeItems(context.db, { practiceId: practice.id, template: v2 });
    expect((await loadChecklist(context.db, { practice, template: v2 })).upgrade).toBeNull();

    // The removed item's progress is still stored, ready if its id ever comes back.
    const back = await loadChecklist(context.db, { practice, template });
    expect(back.entries.find((entry) => entry.item.id === removedId)).toMatchObject({
      status: 'done',
      notes: `kept ${removedId}`,
    });
  });
});
