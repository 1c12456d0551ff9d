import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation, useSubmit } from '@remix-run/react';
import { DocumentPreview } from '../components/document-preview';
import { ChoiceGroup } from '../components/fields';
import { currentRenderBrand } from '../lib/documents/brand-kit.server';
import { handoutCatalogue } from '../lib/documents/catalogue.server';
import { previewDocument } from '../lib/documents/document-pdfs.server';
import { selectionFromSearchParams } from '../lib/documents/handout-selection.server';
import { describeProblems } from '../lib/documents/responses.server';
import { requirePracticeAccess } from '../lib/auth/practice-access.server';
import type { PracticeRouteHandle } from '../lib/auth/roles';
import documentsStylesheet from '../styles/documents.css?url';
import { TaggedPdfNote } from '../components/tagged-pdf-note';
import { reviewerLineFor } from '../lib/signoffs/signoffs.server';

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { loader: 'staff' } };

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: documentsStylesheet }];

const LANGUAGES = [
  { id: 'en', label: 'English' },
  { id: 'es', label: 'Español (Spanish)' },
] as const;

const PAPERS = [
  { id: 'LETTER', label: 'US Letter' },
  { id: 'A4', label: 'A4' },
] as const;

/**
 * The handout studio: the selection lives in the query string, so the page
 * works as a plain GET form without JavaScript and as live state with it.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { practice, practiceId } = await requirePracticeAccess(args);
  const catalogue = handoutCatalogue();
  const url = new URL(args.request.url);
  if (url.searchParams.getAll('document').length === 0 && catalogue[0]) {
    url.searchParams.append('document', catalogue[0].id);
  }
  const parsed = selectionFromSearchParams(url.searchParams);
  const selection = parsed.success
    ? parsed.data
    : {
        documents: catalogue[0] ? [catalogue[0].id] : [],
        locale: 'en' as const,
        paper: 'LETTER' as const,
      };
  const previewId = url.searchParams.get('preview');
  const previewed = selection.documents.includes(previewId ?? '')
    ? previewId
    : selection.documents[0];
  const brand = await currentRenderBrand(args.context.db, practice);
  const query = (documents: string[]) => {
    const params = new URLSearchParams();
    for (const id of documents) params.append('document', id);
    params.set('locale', selection.locale);
    params.set('paper', selection.paper);
    return params.toString();
  };
  const base = `/practices/${practiceId}/documents`;
  const previewDocumentFilled = previewed
    ? previewDocument(previewed, selection.locale, practice, brand)
    : null;
  return {
    practiceId,
    catalogue: catalogue.map((choice) => ({
      id: choice.id,
      title: choice.titles[selection.locale] ?? choice.titles.en ?? choice.id,
    })),
    selection,
    problems: parsed.success ? null : describeProblems(parsed.error.issues),
    brandKitVersion: brand.version,
    stylesheetUrl: `${base}/brand-stylesheet?v=${encodeURIComponent(brand.cacheToken)}`,
    logoUrl: brand.logoId ? `${base}/logo/${brand.logoId}` : undefined,
    preview:
      previewed && previewDocumentFilled
        ? {
            id: previewed,
            document: previewDocumentFilled,
            reviewLine: await reviewerLineFor(args.context.db, {
              practice,
              documentId: previewed,
              locale: previewDocumentFilled.locale,
            }),
            reviewUrl: `${base}/review/${encodeURIComponent(previewed)}`,
            imageUrl: `${base}/handout-preview?${query([previewed])}&v=${encodeURIComponent(brand.cacheToken)}`,
          }
        : null,
    downloads: selection.documents.map((id) => ({
      id,
      url: `${base}/handout?${query([id])}`,
      previewUrl: `?${query(selection.documents)}&preview=${encodeURIComponent(id)}`,
    })),
    zipUrl: selection.documents.length > 1 ? `${base}/handout?${query(selection.documents)}` : null,
    brand: {
      practiceName: practice.name,
      address: brand.settings.practice.address,
      phone: brand.settings.practice.phone,
      emergencyPhone: brand.settings.practice.emergencyPhone,
      website: brand.settings.practice.website,
      footerNote: brand.settings.footerNote,
    },
  };
}

export default function HandoutStudio() {
  const data = useLoaderData<typeof loader>();
  const submit = useSubmit();
  const navigation = useNavigation();
  const titles = new Map(data.catalogue.map((choice) => [choice.id, choice.title]));
  return (
    <>
      <link rel="stylesheet" href={data.stylesheetUrl} />
      <h1>Handout studio</h1>
      <p className="hint">
        Branded with{' '}
        {data.brandKitVersion
          ? `brand kit version ${data.brandKitVersion}`
          : 'the default brand kit'}
        .
      </p>
      <div className="studio">
        <Form
          method="get"
          className="stack"
          aria-label="Handout settings"
          onChange={(event) =>
            submit(event.currentTarget, { replace: true, preventScrollReset: true })
          }
        >
          <ChoiceGroup
            legend="Handouts"
            name="document"
            type="checkbox"
            choices={data.catalogue.map((choice) => ({
              id: choice.id,
              label: choice.title,
              checked: data.selection.documents.includes(choice.id),
            }))}
          />
          <ChoiceGroup
            legend="Language"
            name="locale"
            type="radio"
            choices={LANGUAGES.map((language) => ({
              ...language,
              checked: data.selection.locale === language.id,
            }))}
          />
          <ChoiceGroup
            legend="Paper"
            name="paper"
            type="radio"
            choices={PAPERS.map((paper) => ({
              ...paper,
              checked: data.selection.paper === paper.id,
            }))}
          />
          {data.problems ? (
            <p className="field-error" role="alert">
              {data.problems}
            </p>
          ) : null}
          <noscript>
            <button type="submit">Update preview</button>
          </noscript>
          <section aria-label="Downloads">
            <h2>Download</h2>
            <ul>
              {data.downloads.map((download) => (
                <li key={download.id}>
                  <a href={download.url} download>
                    {titles.get(download.id) ?? download.id} (PDF)
                  </a>
                  {data.downloads.length > 1 && download.id !== data.preview?.id ? (
                    <>
                      {' '}
                      <Link to={download.previewUrl} preventScrollReset replace>
                        preview<span className="visually-hidden"> {titles.get(download.id)}</span>
                      </Link>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
            {data.zipUrl ? (
              <p>
                <a href={data.zipUrl} download>
                  All {data.downloads.length} handouts (ZIP)
                </a>
              </p>
            ) : null}
            {data.downloads.length > 0 ? <TaggedPdfNote count={data.downloads.length} /> : null}
          </section>
        </Form>
        <section aria-label="Preview" aria-busy={navigation.state === 'loading'}>
          <h2>Preview</h2>
          {data.preview ? (
            <>
              <DocumentPreview
                document={data.preview.document}
                paper={data.selection.paper}
                brand={{ ...data.brand, logoUrl: data.logoUrl }}
                reviewLine={data.preview.reviewLine}
              />
              <p>
                <Link to={data.preview.reviewUrl}>
                  Medical director review
                  <span className="visually-hidden">: {data.preview.document.title}</span>
                </Link>
              </p>
              <h2>First page of the PDF</h2>
              <img
                className="first-page"
                src={data.preview.imageUrl}
                alt={`First page of the PDF of “${data.preview.document.title}”, as it will print`}
                loading="lazy"
                width={640}
              />
            </>
          ) : (
            <p>Choose a handout to preview it.</p>
          )}
        </section>
      </div>
    </>
  );
}
