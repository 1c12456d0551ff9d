import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { guideReadingHtml } from '../lib/documents/guide-html.server';

/** The page title (and description) for this route. */
export const meta: MetaFunction = () => [
  { title: 'Read the Psychedelic Basics guide — Groundwork' },
];

/** The whole guide from the content model as HTML, rendered once per content version. */
export function loader() {
  return { html: guideReadingHtml() };
}

/** The whole guide as HTML, for screen readers and phones. */
export default function ReadGuide() {
  const { html } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p>
        <Link to="/guide">Back to the guide overview and PDF download</Link>
      </p>
      {/* Our own content model rendered by our own components (DocumentView): no outside HTML. */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: rendered by DocumentView from the content model */}
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}
