import type { LoaderFunctionArgs } from '@remix-run/node';
import { requirePracticeAccess } from '../lib/auth/practice-access.server';
import type { PracticeRouteHandle } from '../lib/auth/roles';
import { currentRenderBrand } from '../lib/documents/brand-kit.server';
import { formCatalogue } from '../lib/documents/catalogue.server';
import { formPdf } from '../lib/documents/document-pdfs.server';
import { PaperSchema } from '../lib/documents/handout-selection.server';
import { attachment, badRequest, cachedFileResponse } from '../lib/documents/responses.server';

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { loader: 'staff' } };

/**
 * Downloads a practice form (flow sheet, discharge checklist, logs) as a
 * branded, fillable PDF with only the practice's routes:
 * `?document=<form id>&paper=LETTER|A4`. Forms hold no patient data until
 * they are filled in on paper or in a PDF reader.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { practice } = await requirePracticeAccess(args);
  const params = new URL(args.request.url).searchParams;
  const documentId = params.get('document') ?? '';
  const paper = PaperSchema.safeParse(params.get('paper') ?? 'LETTER');
  if (!paper.success) return badRequest('paper: must be Letter or A4');
  const brand = await currentRenderBrand(args.context.db, practice);
  const rendered = await formPdf(args.context.db, {
    practice,
    brand,
    documentId,
    paper: paper.data,
  });
  if (!rendered) {
    const ids = formCatalogue().map((form) => form.id);
    return badRequest(
      `document: "${documentId}" is not a practice form (one of ${ids.join(', ')})`,
    );
  }
  return cachedFileResponse(args.request, {
    ...rendered.pdf,
    contentType: 'application/pdf',
    disposition: attachment(`${rendered.form.id}-${paper.data.toLowerCase()}.pdf`),
  });
}
