import type { LoaderFunctionArgs } from '@remix-run/node';
import {
  attachmentResponse,
  requirePracticeChecklist,
} from '../lib/checklist/checklist-access.server';
import { todayIso } from '../lib/checklist/checklist.server';
import { checklistCsv, fileSlug } from '../lib/checklist/checklist-export.server';
import type { PracticeRouteHandle } from '../lib/auth/roles';

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { loader: 'staff' } };

/** The practice's checklist as a CSV download. */
export async function loader(args: LoaderFunctionArgs) {
  const { practice, checklist } = await requirePracticeChecklist(args);
  return attachmentResponse(checklistCsv(checklist), {
    contentType: 'text/csv; charset=utf-8',
    filename: `checklist-${fileSlug(practice.name)}-${todayIso()}.csv`,
  });
}
