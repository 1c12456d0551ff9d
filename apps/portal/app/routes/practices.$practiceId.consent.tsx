import { getDocument, routesIn } from '@groundwork/content';
import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { ChoiceGroup } from '../components/fields';
import { currentRenderBrand } from '../lib/documents/brand-kit.server';
import { CONSENT_DOCUMENT_ID } from '../lib/documents/document-pdfs.server';
import { requirePracticeAccess } from '../lib/auth/practice-access.server';
import { PRACTICE_ROUTES } from '../lib/practices/practice-options';
import type { PracticeRouteHandle } from '../lib/auth/roles';
import documentsStylesheet from '../styles/documents.css?url';
import { TaggedPdfNote } from '../components/tagged-pdf-note';
import { reviewerLineFor } from '../lib/signoffs/signoffs.server';

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { loader: 'clinician' } };

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: documentsStylesheet }];

/** The consent generator form (owners and clinicians). */
export async function loader(args: LoaderFunctionArgs) {
  const { practice, practiceId } = await requirePracticeAccess(args, { minRole: 'clinician' });
  const document = getDocument(CONSENT_DOCUMENT_ID, { locale: 'en' });
  const available = new Set<string>(routesIn(document));
  const brand = await currentRenderBrand(args.context.db, practice);
  return {
    actionUrl: `/practices/${practiceId}/documents/consent`,
    version: document.version,
    brandKitVersion: brand.version,
    reviewLine: await reviewerLineFor(args.context.db, {
      practice,
      documentId: CONSENT_DOCUMENT_ID,
      locale: 'en',
    }),
    reviewUrl: `/practices/${practiceId}/documents/review/${CONSENT_DOCUMENT_ID}`,
    routes: PRACTICE_ROUTES.filter((route) => available.has(route.id)).map((route) => ({
      ...route,
      offered: practice.routes.includes(route.id),
    })),
  };
}

export default function ConsentGenerator() {
  const data = useLoaderData<typeof loader>();
  const anyOffered = data.routes.some((route) => route.offered);
  return (
    <>
      <h1>Consent generator</h1>
      <p className="hint">
        Informed consent for ketamine treatment, version {data.version}, branded with{' '}
        {data.brandKitVersion
          ? `brand kit version ${data.brandKitVersion}`
          : 'the default brand kit'}
        . The PDF has fillable fields for initials, names and dates.
      </p>
      <p className="hint">
        {data.reviewLine} <a href={data.reviewUrl}>Medical director review</a>
      </p>
      <TaggedPdfNote />
      {/* A plain form post: the browser downloads the PDF, and the patient's details travel only in this request's body. */}
      <form method="post" action={data.actionUrl} className="stack" autoComplete="off">
        <ChoiceGroup
          legend="Routes of administration covered"
          name="route"
          type="checkbox"
          choices={data.routes.map((route) => ({
            id: route.id,
            label: route.label,
            checked: anyOffered ? route.offered : true,
          }))}
        />
        <fieldset>
          <legend>Language and paper</legend>
          <div className="field">
            <label htmlFor="consent-locale">Language</label>
            <select id="consent-locale" name="locale" defaultValue="en">
              <option value="en">English</option>
              <option value="es">Español (Spanish)</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="consent-paper">Paper</label>
            <select id="consent-paper" name="paper" defaultValue="LETTER">
              <option value="LETTER">US Letter</option>
              <option value="A4">A4</option>
            </select>
          </div>
        </fieldset>
        <fieldset>
          <legend>Pre-fill for printing (optional)</legend>
          <p className="hint" id="patient-privacy">
            Used for this one PDF only: not saved, not logged, not cached. Leave blank to print
            empty lines to write on.
          </p>
          <div className="field">
            <label htmlFor="consent-patient-name">Patient name</label>
            <input
              id="consent-patient-name"
              name="patientName"
              type="text"
              maxLength={120}
              autoComplete="off"
              aria-describedby="patient-privacy"
            />
          </div>
          <div className="field">
            <label htmlFor="consent-date">Date</label>
            <input id="consent-date" name="date" type="date" aria-describedby="patient-privacy" />
          </div>
        </fieldset>
        <div>
          <button type="submit">Generate consent form (PDF)</button>
        </div>
      </form>
    </>
  );
}
