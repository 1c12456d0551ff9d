import type { LoaderFunctionArgs } from '@remix-run/node';
import { answerRenderFailure } from '../lib/documents/pdf-renderer.server';
import { currentRenderBrand } from '../lib/documents/brand-kit.server';
import { recordActivityInBackground } from '../lib/documents/activity.server';
import { handoutCache, handoutPdf } from '../lib/documents/document-pdfs.server';
import { pdfFileName, selectionFromSearchParams } from '../lib/documents/handout-selection.server';
import {
  attachment,
  badRequest,
  cachedFileResponse,
  describeProblems,
} from '../lib/documents/responses.server';
import { zipFiles } from '../lib/documents/zip.server';
import { requirePracticeAccess } from '../lib/auth/practice-access.server';
import type { PracticeRouteHandle } from '../lib/auth/roles';

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { loader: 'staff' } };

/**
 * Downloads handouts as branded PDFs: one `document` gives a PDF, several a
 * ZIP. `?document=…&locale=en|es&paper=LETTER|A4`. Served from the cache with
 * a strong ETag (304 when unchanged); a new brand-kit version is a new key.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { practice, practiceId, user } = await requirePracticeAccess(args);
  const selection = selectionFromSearchParams(new URL(args.request.url).searchParams);
  if (!selection.success) return badRequest(describeProblems(selection.error.issues));
  const { documents, locale, paper } = selection.data;
  const brand = await currentRenderBrand(args.context.db, practice);
  const rendered = await answerRenderFailure(
    Promise.all(
      documents.map((documentId) =>
        handoutPdf(args.context.db, { practice, brand, documentId, locale, paper }),
      ),
    ),
  );

  let response: Response;
  if (rendered.length === 1 && rendered[0]) {
    const [{ pdf, document }] = rendered as [(typeof rendered)[number]];
    response = cachedFileResponse(args.request, {
      ...pdf,
      contentType: 'application/pdf',
      disposition: attachment(pdfFileName(document, paper)),
    });
  } else {
    const bundle = await handoutCache.getOrRender(
      {
        brandKitVersionId: brand.cacheToken,
        documentId: `zip:${rendered.map(({ variantId }) => variantId).join('|')}`,
        documentVersion: rendered.map(({ document }) => document.version).join('+'),
        locale,
        paper,
      },
      async () =>
        zipFiles(
          rendered.map(({ pdf, document }) => ({
            name: pdfFileName(document, paper),
            bytes: pdf.bytes,
          })),
        ),
    );
    response = cachedFileResponse(args.request, {
      ...bundle,
      contentType: 'application/zip',
      disposition: attachment(`handouts-${locale}-${paper.toLowerCase()}.zip`),
    });
  }

  if (response.status === 200) {
    recordActivityInBackground(args.context.db, {
      practiceId,
      userId: user.id,
      brand,
      entries: rendered.map(({ document }) => ({
        kind: 'handout',
        documentId: document.id,
        documentVersion: document.version,
        locale: document.locale,
        paper,
      })),
    });
  }
  return response;
}
