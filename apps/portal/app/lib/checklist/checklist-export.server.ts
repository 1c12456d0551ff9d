import { renderChecklistReport } from '@groundwork/pdf';
import type { ChecklistReportInput } from '@groundwork/pdf';
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../db/client.server';
import type { PracticeChecklist } from './checklist.server';
import { brandKitInputFor, currentRenderBrand } from '../documents/brand-kit.server';
import { STATUS_LABELS } from './checklist-status';

/** The practice's checklist as @groundwork/pdf's `ChecklistReport`. */
export function checklistReport(
  checklist: PracticeChecklist,
  { practiceName, generatedAt = new Date() }: { practiceName: string; generatedAt?: Date },
): ChecklistReportInput {
  return {
    practiceName,
    generatedAt,
    template: {
      id: checklist.template.id,
      version: checklist.template.version,
      title: checklist.template.title,
    },
    overall: { done: checklist.overall.done, total: checklist.overall.total },
    sections: checklist.sections.map((section) => ({
      id: section.id,
      title: section.title,
      progress: { done: section.progress.done, total: section.progress.total },
    })),
    items: checklist.entries.map((entry) => ({
      id: entry.item.id,
      section: entry.item.sectionId,
      title: entry.item.title,
      status: entry.status,
      reason: entry.notApplicableReason ?? undefined,
      assignee: entry.assignee?.name,
      dueDate: entry.dueDate ?? undefined,
    })),
  };
}

/**
 * A cell as spreadsheets should see it: text starting with `=`, `+`, `-`, `@`
 * (or a tab or carriage return) is prefixed with an apostrophe so it is shown,
 * never run as a formula (OWASP "CSV injection").
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Column headings of the CSV export, in order. */
export const CSV_COLUMNS = [
  'Section',
  'Item ID',
  'Item',
  'Status',
  'Reason not applicable',
  'Assignee',
  'Due date',
  'Overdue',
  'Notes',
  'Evidence links',
  'Template badge',
  'Version',
  'Last updated (UTC)',
] as const;

/** The practice's checklist as CSV (RFC 4180 quoting by csv-stringify; formula cells neutralised). */
export function checklistCsv(checklist: PracticeChecklist): string {
  const sectionTitles = new Map(checklist.sections.map((section) => [section.id, section.title]));
  const rows = checklist.entries.map((entry) =>
    [
      sectionTitles.get(entry.item.sectionId) ?? entry.item.sectionId,
      entry.item.id,
      entry.item.title,
      STATUS_LABELS[entry.status],
      entry.notApplicableReason ?? '',
      entry.assignee?.name ?? '',
      entry.dueDate ?? '',
      entry.overdue ? 'yes' : 'no',
      entry.notes,
      entry.evidenceLinks.join('\n'),
      entry.badge ?? '',
      String(entry.version),
      entry.updatedAt.slice(0, 19).replace('T', ' '),
    ].map(neutraliseFormula),
  );
  // A byte-order mark so spreadsheet programs read the file as UTF-8.
  return `\uFEFF${stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: 'windows', quoted_string: false })}`;
}

/** A file name part from the practice name: letters, digits and hyphens only. */
export function fileSlug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 60) || 'practice'
  );
}

/**
 * The readiness report PDF: the practice's checklist on US Letter or A4,
 * branded with the practice's current brand kit (the package's default
 * colours and typeface until the practice saves one).
 */
export async function renderReadinessReport(
  db: Db,
  checklist: PracticeChecklist,
  { practice, paper }: { practice: { id: string; name: string }; paper: 'LETTER' | 'A4' },
): Promise<Uint8Array> {
  const brand = await currentRenderBrand(db, practice);
  return renderChecklistReport({
    report: checklistReport(checklist, { practiceName: practice.name }),
    brandKit: await brandKitInputFor(db, practice, brand),
    paper,
  });
}
