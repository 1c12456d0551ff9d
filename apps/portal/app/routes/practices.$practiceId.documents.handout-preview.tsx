import type { LoaderFunctionArgs } from '@remix-run/node';
import { answerRenderFailure } from '../lib/documents/pdf-renderer.server';
import { currentRenderBrand } from '../lib/documents/brand-kit.server';
import { handoutFirstPage } from '../lib/documents/document-pdfs.server';
import { selectionFromSearchParams } from '../lib/documents/handout-selection.server';
import {
  badRequest,
  cachedFileResponse,
  describeProblems,
} from '../lib/documents/responses.server';
import { requirePracticeAccess } from '../lib/auth/practice-access.server';
import type { PracticeRouteHandle } from '../lib/auth/roles';

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { loader: 'staff' } };

/** Page 1 of the real PDF of the first selected handout, as a PNG (rendered server-side). */
export async function loader(args: LoaderFunctionArgs) {
  const { practice } = await requirePracticeAccess(args);
  const selection = selectionFromSearchParams(new URL(args.request.url).searchParams);
  if (!selection.success) return badRequest(describeProblems(selection.error.issues));
  const { documents, locale, paper } = selection.data;
  const brand = await currentRenderBrand(args.context.db, practice);
  const image = await answerRenderFailure(
    handoutFirstPage(args.context.db, {
      practice,
      brand,
      documentId: documents[0] ?? '',
      locale,
      paper,
    }),
  );
  return cachedFileResponse(args.request, { ...image, contentType: 'image/png' });
}
