import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { guideReadingHtml } from '../lib/documents/guide-html.server';
import { useGuideHtml } from '../lib/documents/server-html';

/** The page title (and description) for this route. */
export const meta: MetaFunction = () => [
  { title: 'Read the Psychedelic Basics guide — Groundwork' },
];

/**
 * The whole guide from the content model as HTML, rendered once per content
 * version. Only a client-side navigation (`Sec-Fetch-Dest: empty`) gets it as
 * loader data: a document request renders it from the server (entry.server
 * passes it down), so the page does not carry the guide twice.
 */
export function loader({ request }: LoaderFunctionArgs) {
  const clientNavigation = request.headers.get('Sec-Fetch-Dest') === 'empty';
  return { html: clientNavigation ? guideReadingHtml() : null };
}

const GUIDE_ELEMENT_ID = 'guide-html';

/** The whole guide as HTML, for screen readers and phones. */
export default function ReadGuide() {
  const { html: fromLoader } = useLoaderData<typeof loader>();
  const html = useGuideHtml(fromLoader, GUIDE_ELEMENT_ID);
  return (
    <div className="page">
      <p>
        <Link to="/guide">Back to the guide overview and PDF download</Link>
      </p>
      {/* Our own content model rendered by our own components (DocumentView): no outside HTML. */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: rendered by DocumentView from the content model */}
      <div id={GUIDE_ELEMENT_ID} dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}
