import type { LoaderFunctionArgs } from '@remix-run/node';
import {
  attachmentResponse,
  requirePracticeChecklist,
} from '../lib/checklist/checklist-access.server';
import { todayIso } from '../lib/checklist/checklist.server';
import { fileSlug, renderReadinessReport } from '../lib/checklist/checklist-export.server';
import type { PracticeRouteHandle } from '../lib/auth/roles';

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { loader: 'staff' } };

/** The readiness report: progress and every item's status as a branded PDF (`?paper=a4` for A4). */
export async function loader(args: LoaderFunctionArgs) {
  const { practice, checklist } = await requirePracticeChecklist(args);
  const paper = new URL(args.request.url).searchParams.get('paper') === 'a4' ? 'A4' : 'LETTER';
  const bytes = await renderReadinessReport(args.context.db, checklist, { practice, paper });
  return attachmentResponse(bytes, {
    contentType: 'application/pdf',
    filename: `readiness-${fileSlug(practice.name)}-${todayIso()}.pdf`,
  });
}
