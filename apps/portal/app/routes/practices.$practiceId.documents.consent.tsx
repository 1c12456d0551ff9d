import type { ActionFunctionArgs } from '@remix-run/node';
import { answerRenderFailure } from '../lib/documents/pdf-renderer.server';
import { currentRenderBrand } from '../lib/documents/brand-kit.server';
import { parseConsentForm } from '../lib/documents/consent-form.server';
import { recordActivityInBackground } from '../lib/documents/activity.server';
import { consentPdf } from '../lib/documents/document-pdfs.server';
import { pdfFileName } from '../lib/documents/handout-selection.server';
import {
  attachment,
  badRequest,
  describeProblems,
  uncachedFileResponse,
} from '../lib/documents/responses.server';
import { requirePracticeAccess } from '../lib/auth/practice-access.server';
import type { PracticeRouteHandle } from '../lib/auth/roles';
import { readForm } from '../lib/forms.server';

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { action: 'clinician' } };

/**
 * Generates the informed-consent PDF (POST, so patient details never appear
 * in a URL). The patient's name and date are printed in this response only:
 * not stored, not logged, not cached (`Cache-Control: no-store`). The activity
 * log records the document, version, routes, language, paper and brand kit.
 */
export async function action(args: ActionFunctionArgs) {
  const { practice, practiceId, user } = await requirePracticeAccess(args, {
    minRole: 'clinician',
  });
  const parsed = parseConsentForm(await readForm(args.request));
  if (!parsed.ok) return badRequest(describeProblems(parsed.issues));
  const { request } = parsed;
  const brand = await currentRenderBrand(args.context.db, practice);
  const { bytes, document } = await answerRenderFailure(
    consentPdf(args.context.db, { practice, brand, request }),
  );
  recordActivityInBackground(args.context.db, {
    practiceId,
    userId: user.id,
    brand,
    entries: [
      {
        kind: 'consent',
        documentId: document.id,
        documentVersion: document.version,
        locale: document.locale,
        paper: request.paper,
        routes: request.routes,
      },
    ],
  });
  return uncachedFileResponse({
    bytes,
    contentType: 'application/pdf',
    disposition: attachment(pdfFileName(document, request.paper)),
  });
}
