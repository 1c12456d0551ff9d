import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { requirePracticeAccess } from '../lib/auth/practice-access.server';
import type { PracticeRouteHandle } from '../lib/auth/roles';
import { formCatalogue } from '../lib/documents/catalogue.server';
import { currentSignoffs, lineInput, signableDocument } from '../lib/signoffs/signoffs.server';
import { reviewerLine } from '../lib/signoffs/reviewer-line';

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { loader: 'staff' } };

/** The page title. */
export const meta: MetaFunction = () => [{ title: 'Practice forms — Groundwork' }];

/** The practice forms on offer, each with Letter and A4 downloads. */
export async function loader(args: LoaderFunctionArgs) {
  const { practiceId, practice } = await requirePracticeAccess(args);
  const signoffs = await currentSignoffs(args.context.db, practiceId);
  const forms = formCatalogue().map((form) => {
    const document = signableDocument(form.id);
    return {
      ...form,
      reviewLine: document
        ? reviewerLine(lineInput(practice, document), signoffs.get(form.id))
        : '',
    };
  });
  return { practiceId, routes: practice.routes ?? [], forms };
}

/** Practice forms: session monitoring flow sheet, discharge checklist, adverse-event log, REMS helper. */
export default function PracticeForms() {
  const { practiceId, routes, forms } = useLoaderData<typeof loader>();
  const base = `/practices/${practiceId}/documents/form`;
  return (
    <>
      <h1>Practice forms</h1>
      <p>
        Forms for the treatment room, with your brand. They print only the pages for the routes in
        your practice profile
        {routes.length > 0 ? ` (${routes.length} route${routes.length === 1 ? '' : 's'})` : ''}, and
        their lines can be filled in on paper or in a PDF reader. They are in English. They point to
        your own protocol: a licensed clinician decides how your practice monitors and discharges
        patients.
      </p>
      <ul className="stack">
        {forms.map((form) => (
          <li key={form.id} className="card" data-form-id={form.id}>
            <h2>{form.title}</h2>
            <p>{form.summary}</p>
            <p className="hint">
              Version {form.version}. {form.reviewLine}{' '}
              <a href={`/practices/${practiceId}/documents/review/${encodeURIComponent(form.id)}`}>
                Medical director review<span className="visually-hidden">: {form.title}</span>
              </a>
            </p>
            <p>
              <a href={`${base}?document=${encodeURIComponent(form.id)}&paper=LETTER`} download>
                Download (US Letter)<span className="visually-hidden">: {form.title}</span>
              </a>{' '}
              ·{' '}
              <a href={`${base}?document=${encodeURIComponent(form.id)}&paper=A4`} download>
                Download (A4)<span className="visually-hidden">: {form.title}</span>
              </a>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
