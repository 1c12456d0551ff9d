import type { ChecklistTemplate } from '@groundwork/content';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.server';
import {
  checklistItemEvents,
  checklistItems,
  checklistStates,
} from '../../db/checklist-schema.server';
import { memberships, users } from '../../db/schema.server';
import { applicableItemIds, templateItems } from './checklist-template.server';
import type { TemplateItem } from './checklist-template.server';
import { isOpen, progressOf } from './checklist-status';
import type { ChecklistStatus, Progress } from './checklist-status';
import type { Practice } from '../practices/practices.server';

/** One applicable item as a practice sees it: template content plus the team's progress. */
export interface ChecklistEntry {
  item: TemplateItem;
  status: ChecklistStatus;
  notApplicableReason: string | null;
  assignee: { id: string; name: string; isMember: boolean } | null;
  dueDate: string | null;
  notes: string;
  evidenceLinks: string[];
  version: number;
  updatedAt: string;
  /** `new`: added since the practice last acknowledged; `changed`: its content changed since. */
  badge: 'new' | 'changed' | null;
  overdue: boolean;
}

/** Progress of one template section (applicable items only). */
export interface SectionProgress {
  id: string;
  title: string;
  progress: Progress;
}

/** A practice's whole checklist. */
export interface PracticeChecklist {
  template: Pick<ChecklistTemplate, 'id' | 'version' | 'title' | 'reviewedAt' | 'reviewer'>;
  entries: ChecklistEntry[];
  sections: SectionProgress[];
  overall: Progress;
  /** Items of the template that do not apply to the practice's profile (progress kept). */
  hiddenCount: number;
  /** Set when the template moved on or items are new/changed since the practice last looked. */
  upgrade: {
    seenVersion: string;
    currentVersion: string;
    newCount: number;
    changedCount: number;
  } | null;
}

/** Today's date as YYYY-MM-DD (UTC), the day due dates are compared against. */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Makes sure the practice has a progress row for every template item. On the
 * practice's first visit every item counts as seen; items that appear later
 * (a template upgrade) start unseen, so they carry a "new" badge. Idempotent
 * and safe to run concurrently (`on conflict do nothing`).
 */
export async function ensureChecklistRows(
  db: Db,
  { practiceId, template }: { practiceId: string; template: ChecklistTemplate },
): Promise<void> {
  const items = templateItems(template);
  const existing = await db
    .select({ itemId: checklistItems.itemId })
    .from(checklistItems)
    .where(eq(checklistItems.practiceId, practiceId));
  const have = new Set(existing.map((row) => row.itemId));
  const missing = items.filter((item) => !have.has(item.id));
  if (missing.length === 0) return;
  await db.transaction(async (tx) => {
    const created = await tx
      .insert(checklistStates)
      .values({ practiceId, seenTemplateVersion: template.version })
      .onConflictDoNothing()
      .returning({ practiceId: checklistStates.practiceId });
    const firstVisit = created.length > 0;
    await tx
      .insert(checklistItems)
      .values(
        missing.map((item) => ({
          practiceId,
          itemId: item.id,
          seenContentHash: firstVisit ? item.contentHash : null,
        })),
      )
      .onConflictDoNothing();
  });
}

const assigneeMembership = alias(memberships, 'assignee_membership');

/** Every progress row of a practice with the assignee's name and whether they are still a member. */
async function progressRows(db: Db, practiceId: string, itemIds?: string[]) {
  return db
    .select({
      row: checklistItems,
      assigneeName: users.name,
      assigneeRole: assigneeMembership.role,
    })
    .from(checklistItems)
    .leftJoin(users, eq(users.id, checklistItems.assigneeId))
    .leftJoin(
      assigneeMembership,
      and(
        eq(assigneeMembership.practiceId, checklistItems.practiceId),
        eq(assigneeMembership.userId, checklistItems.assigneeId),
      ),
    )
    .where(
      itemIds
        ? and(eq(checklistItems.practiceId, practiceId), inArray(checklistItems.itemId, itemIds))
        : eq(checklistItems.practiceId, practiceId),
    );
}

type ProgressRow = Awaited<ReturnType<typeof progressRows>>[number];

function toEntry(item: TemplateItem, found: ProgressRow, today: string): ChecklistEntry {
  const { row } = found;
  return {
    item,
    status: row.status,
    notApplicableReason: row.notApplicableReason,
    assignee: row.assigneeId
      ? {
          id: row.assigneeId,
          name: found.assigneeName ?? 'Former user',
          isMember: found.assigneeRole !== null,
        }
      : null,
    dueDate: row.dueDate,
    notes: row.notes,
    evidenceLinks: row.evidenceLinks,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    badge:
      row.seenContentHash === null
        ? 'new'
        : row.seenContentHash !== item.contentHash
          ? 'changed'
          : null,
    overdue: row.dueDate !== null && row.dueDate < today && isOpen(row.status),
  };
}

/**
 * The practice's checklist: the template items its profile makes applicable,
 * each with its progress, plus overall and per-section progress.
 */
export async function loadChecklist(
  db: Db,
  {
    practice,
    template,
    today = todayIso(),
  }: { practice: Practice; template: ChecklistTemplate; today?: string },
): Promise<PracticeChecklist> {
  const applicable = applicableItemIds(template, practice);
  let rows = new Map(
    (await progressRows(db, practice.id)).map((found) => [found.row.itemId, found]),
  );
  // Rows are created once per practice and template item, so the hot path is one query.
  if (templateItems(template).some((item) => !rows.has(item.id))) {
    await ensureChecklistRows(db, { practiceId: practice.id, template });
    rows = new Map((await progressRows(db, practice.id)).map((found) => [found.row.itemId, found]));
  }
  const entries: ChecklistEntry[] = [];
  for (const item of templateItems(template)) {
    const found = rows.get(item.id);
    if (found && applicable.has(item.id)) entries.push(toEntry(item, found, today));
  }
  const sections = template.sections
    .map((section) => ({
      id: section.id,
      title: section.title,
      progress: progressOf(entries.filter((entry) => entry.item.sectionId === section.id)),
    }))
    // A section whose items all fall outside the profile is left out.
    .filter((section) => entries.some((entry) => entry.item.sectionId === section.id));
  const [state] = await db
    .select()
    .from(checklistStates)
    .where(eq(checklistStates.practiceId, practice.id));
  const newCount = entries.filter((entry) => entry.badge === 'new').length;
  const changedCount = entries.filter((entry) => entry.badge === 'changed').length;
  const seenVersion = state?.seenTemplateVersion ?? template.version;
  return {
    template: {
      id: template.id,
      version: template.version,
      title: template.title,
      reviewedAt: template.reviewedAt,
      reviewer: template.reviewer,
    },
    entries,
    sections,
    overall: progressOf(entries),
    hiddenCount: templateItems(template).length - entries.length,
    upgrade:
      seenVersion !== template.version || newCount > 0 || changedCount > 0
        ? { seenVersion, currentVersion: template.version, newCount, changedCount }
        : null,
  };
}

/** One applicable item of the practice's checklist, or null when the id is unknown or hidden. */
export async function loadChecklistEntry(
  db: Db,
  {
    practice,
    template,
    itemId,
    today = todayIso(),
  }: { practice: Practice; template: ChecklistTemplate; itemId: string; today?: string },
): Promise<ChecklistEntry | null> {
  const item = templateItems(template).find((candidate) => candidate.id === itemId);
  if (!item || !applicableItemIds(template, practice).has(itemId)) return null;
  await ensureChecklistRows(db, { practiceId: practice.id, template });
  const [found] = await progressRows(db, practice.id, [itemId]);
  return found ? toEntry(item, found, today) : null;
}

/** An item's history, newest first. */
export async function listItemHistory(
  db: Db,
  { practiceId, itemId }: { practiceId: string; itemId: string },
) {
  return db
    .select({
      version: checklistItemEvents.version,
      actorName: checklistItemEvents.actorName,
      changes: checklistItemEvents.changes,
      createdAt: checklistItemEvents.createdAt,
    })
    .from(checklistItemEvents)
    .where(
      and(eq(checklistItemEvents.practiceId, practiceId), eq(checklistItemEvents.itemId, itemId)),
    )
    .orderBy(desc(checklistItemEvents.version));
}

/** Marks items (or every item) as seen in their current form; clears "new"/"changed" badges. */
export async function acknowledgeItems(
  db: Db,
  {
    practiceId,
    template,
    itemId,
  }: { practiceId: string; template: ChecklistTemplate; itemId?: string },
): Promise<void> {
  await ensureChecklistRows(db, { practiceId, template });
  const items = templateItems(template).filter((item) => !itemId || item.id === itemId);
  await db.transaction(async (tx) => {
    for (const item of items) {
      await tx
        .update(checklistItems)
        .set({ seenContentHash: item.contentHash })
        .where(and(eq(checklistItems.practiceId, practiceId), eq(checklistItems.itemId, item.id)));
    }
    if (!itemId) {
      await tx
        .update(checklistStates)
        .set({ seenTemplateVersion: template.version, updatedAt: new Date() })
        .where(eq(checklistStates.practiceId, practiceId));
    }
  });
}

/** Open items (neither done nor not applicable), by section then due date (undated last). */
export function whatsNext(checklist: PracticeChecklist): ChecklistEntry[] {
  const sectionOrder = new Map(checklist.sections.map((section, index) => [section.id, index]));
  return checklist.entries
    .filter((entry) => isOpen(entry.status))
    .sort(
      (a, b) =>
        (sectionOrder.get(a.item.sectionId) ?? 0) - (sectionOrder.get(b.item.sectionId) ?? 0) ||
        (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') ||
        a.item.order - b.item.order,
    );
}
