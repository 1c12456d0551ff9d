import type { LoaderFunctionArgs } from '@remix-run/node';
import { loadChecklist, todayIso } from '../lib/checklist.server';
import { checklistCsv, fileSlug } from '../lib/checklist-export.server';
import { checklistTemplateFor } from '../lib/checklist-template.server';
import { requirePracticeAccess } from '../lib/practice-access.server';
import type { PracticeRouteHandle } from '../lib/roles';

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { loader: 'staff' } };

/** The practice's checklist as a CSV download. */
export async function loader(args: LoaderFunctionArgs) {
  const { practice } = await requirePracticeAccess(args);
  const checklist = await loadChecklist(args.context.db, {
    practice,
    template: checklistTemplateFor(args.context),
  });
  return new Response(checklistCsv(checklist), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="checklist-${fileSlug(practice.name)}-${todayIso()}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
