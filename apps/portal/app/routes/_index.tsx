import { CONTENT_SCHEMA_VERSION } from '@groundwork/content';
import type { MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

export const meta: MetaFunction = () => [
  { title: 'Groundwork — start ketamine-assisted therapy safely' },
  {
    name: 'description',
    content: 'Guides, branded patient documents, onboarding and screening for clinical practices.',
  },
];

export function loader() {
  return { contentSchemaVersion: CONTENT_SCHEMA_VERSION };
}

export default function Index() {
  const { contentSchemaVersion } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>Groundwork</h1>
      <p>
        An open-source toolkit that helps clinical practices start offering ketamine-assisted
        therapy safely.
      </p>
      <p>Content model version {contentSchemaVersion}</p>
    </main>
  );
}
