import type { LoaderFunctionArgs } from '@remix-run/node';
import { loadChecklist, todayIso } from '../lib/checklist.server';
import { fileSlug, renderReadinessReport } from '../lib/checklist-export.server';
import { checklistTemplateFor } from '../lib/checklist-template.server';
import { requirePracticeAccess } from '../lib/practice-access.server';
import type { PracticeRouteHandle } from '../lib/roles';

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { loader: 'staff' } };

/** The readiness report: progress and every item's status as a branded PDF (`?paper=a4` for A4). */
export async function loader(args: LoaderFunctionArgs) {
  const { practice } = await requirePracticeAccess(args);
  const checklist = await loadChecklist(args.context.db, {
    practice,
    template: checklistTemplateFor(args.context),
  });
  const paper = new URL(args.request.url).searchParams.get('paper') === 'a4' ? 'A4' : 'LETTER';
  const bytes = await renderReadinessReport(args.context.db, checklist, { practice, paper });
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="readiness-${fileSlug(practice.name)}-${todayIso()}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
