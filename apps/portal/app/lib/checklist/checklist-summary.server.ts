import type { AppLoadContext } from '@remix-run/node';
import { loadChecklist, whatsNext } from './checklist.server';
import { checklistTemplateFor } from './checklist-template.server';
import type { Practice } from '../practices/practices.server';

/** What the practice dashboard shows of the checklist: progress, the next few open items, counts. */
export async function checklistSummary(context: AppLoadContext, practice: Practice) {
  const checklist = await loadChecklist(context.db, {
    practice,
    template: checklistTemplateFor(context),
  });
  return {
    overall: checklist.overall,
    sections: checklist.sections,
    overdue: checklist.entries.filter((entry) => entry.overdue).length,
    upgrade: checklist.upgrade,
    next: whatsNext(checklist)
      .slice(0, 3)
      .map((entry) => ({ id: entry.item.id, title: entry.item.title, dueDate: entry.dueDate })),
  };
}

/** The dashboard's checklist summary. */
export type ChecklistSummary = Awaited<ReturnType<typeof checklistSummary>>;
