import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { DocumentView } from '../components/document-view';
import { getGuide, guideContents } from '../lib/documents/guide.server';

/** The page title (and description) for this route. */
export const meta: MetaFunction = () => [
  { title: 'Read the Psychedelic Basics guide — Groundwork' },
];

/** The whole guide from the content model, for the HTML reading version. */
export function loader() {
  const document = getGuide();
  return { document, contents: guideContents(document) };
}

/** The whole guide as HTML, for screen readers and phones. */
export default function ReadGuide() {
  const { document, contents } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p>
        <Link to="/guide">Back to the guide overview and PDF download</Link>
      </p>
      <DocumentView document={document} contents={contents} />
    </div>
  );
}
