import { CONTENT_SCHEMA_VERSION } from '@groundwork/content';
import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

/** The page title (and description) for this route. */
export const meta: MetaFunction = () => [
  { title: 'Groundwork — start ketamine-assisted therapy safely' },
  {
    name: 'description',
    content: 'Guides, branded patient documents, onboarding and screening for clinical practices.',
  },
];

/** The landing page needs no data beyond the content model version it was built with. */
export function loader() {
  return { contentSchemaVersion: CONTENT_SCHEMA_VERSION };
}

/** The landing page: what Groundwork offers and for whom. */
export default function Index() {
  const { contentSchemaVersion } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Groundwork</h1>
      <p className="lead">
        An open-source toolkit that helps clinical practices start offering ketamine-assisted
        therapy safely.
      </p>
      <h2>Who it is for</h2>
      <ul className="cards">
        <li className="card">
          <h3>Practitioners</h3>
          <p>
            Read the Psychedelic Basics guide: what the evidence shows, the risks, how sessions are
            run, and the rules that apply. Every claim cites its source.
          </p>
          <p>
            <Link to="/guide">Read or download the guide</Link>
          </p>
        </li>
        <li className="card">
          <h3>Practices</h3>
          <p>
            Work through an onboarding checklist, make branded patient handouts and consent forms,
            and screen patients against contraindication rules as decision support for your
            clinicians.
          </p>
          <p>
            <Link to="/signup">Create an account</Link>
          </p>
        </li>
        <li className="card">
          <h3>Developers</h3>
          <p>
            Reuse the content, eligibility rules and PDF packages from npm in your own systems.
            Everything is MIT licensed.
          </p>
        </li>
      </ul>
      <p className="hint">Content model version {contentSchemaVersion}</p>
    </div>
  );
}
