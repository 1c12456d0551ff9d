import type { MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { DocumentFacts } from '../components/document-view';
import { getGuide, guideContents } from '../lib/documents/guide.server';
import { TaggedPdfNote } from '../components/tagged-pdf-note';

/** The page title (and description) for this route. */
export const meta: MetaFunction = () => [
  { title: 'Psychedelic Basics — Groundwork' },
  {
    name: 'description',
    content:
      'A plain, balanced introduction to ketamine-assisted care for clinicians, with sources. Read online or download the PDF.',
  },
];

/** The guide's summary, facts and table of contents (not the whole text). */
export function loader() {
  const document = getGuide();
  const { sections: _sections, references: _references, ...facts } = document;
  return {
    document: { ...facts, sections: [], references: [] },
    contents: guideContents(document),
    referenceCount: document.references.length,
  };
}

/** The guide overview: summary, review facts, PDF download and contents. */
export default function Guide() {
  const { document, contents, referenceCount } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{document.title}</h1>
      <p className="lead">{document.summary}</p>
      <DocumentFacts document={document} />

      <h2 id="download">Download the PDF</h2>
      <Form method="get" action="/guide/download" reloadDocument className="stack">
        <fieldset>
          <legend>Paper size</legend>
          <label className="choice">
            <input type="radio" name="paper" value="letter" defaultChecked />
            US Letter
          </label>
          <label className="choice">
            <input type="radio" name="paper" value="a4" />
            A4
          </label>
        </fieldset>
        <div>
          <button type="submit">Download PDF</button>
        </div>
      </Form>
      <TaggedPdfNote />
      <p>
        Prefer to read on screen or with a screen reader?{' '}
        <Link to="/guide/read">Read the guide online</Link>.
      </p>

      <h2 id="contents">Contents</h2>
      <nav aria-labelledby="contents" className="toc">
        <ol>
          {contents.map((entry) => (
            <li key={entry.id}>
              <Link to={`/guide/read#${entry.id}`}>{entry.title}</Link>
            </li>
          ))}
        </ol>
      </nav>
      <p className="hint">Cites {referenceCount} sources.</p>
    </div>
  );
}
