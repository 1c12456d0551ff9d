import type { LoaderFunctionArgs } from '@remix-run/node';
import { loadChecklist } from './checklist.server';
import type { PracticeChecklist } from './checklist.server';
import { checklistTemplateFor } from './checklist-template.server';
import { requirePracticeAccess } from '../auth/practice-access.server';
import type { PracticeAccess } from '../auth/practice-access.server';

/**
 * What every checklist page and export loads first: the member's access to
 * the practice (or a redirect / 403) and the practice's checklist.
 */
export async function requirePracticeChecklist(
  args: LoaderFunctionArgs,
): Promise<PracticeAccess & { checklist: PracticeChecklist }> {
  const access = await requirePracticeAccess(args);
  const checklist = await loadChecklist(args.context.db, {
    practice: access.practice,
    template: checklistTemplateFor(args.context),
  });
  return { ...access, checklist };
}

/** A private, never-cached file download. */
export function attachmentResponse(
  body: string | Uint8Array,
  { contentType, filename }: { contentType: string; filename: string },
): Response {
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
