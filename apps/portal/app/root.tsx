import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import {
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import type { ReactNode } from 'react';
import { useNonce } from './lib/nonce';
import { listPracticesForUser } from './lib/practices/practices.server';
import { getCurrentSession } from './lib/auth/session.server';
import { SiteHeader } from './components/site-header';
import stylesheet from './styles/index.css?url';

/** The stylesheet and icon every page loads. */
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

/** The fallback title, including for error pages. */
export const meta: MetaFunction = ({ error }) => {
  if (!error) return [{ title: 'Groundwork' }];
  if (isRouteErrorResponse(error) && error.status === 404) {
    return [{ title: 'Page not found — Groundwork' }];
  }
  return [{ title: 'Something went wrong — Groundwork' }];
};

/** Who is signed in and which practices they can switch between (for the header). */
export async function loader(args: LoaderFunctionArgs) {
  const session = await getCurrentSession(args);
  if (!session) return { user: null, practices: [], currentPracticeId: null };
  const practices = await listPracticesForUser(args.context.db, session.user.id);
  // The practice in the URL, when the user belongs to it, else the last one switched to.
  const fromUrl = practices.find((practice) => practice.id === args.params.practiceId);
  return {
    user: { name: session.user.name, email: session.user.email },
    practices: practices.map(({ id, name }) => ({ id, name })),
    currentPracticeId: fromUrl?.id ?? session.currentPracticeId,
  };
}

function Header() {
  const data = useRouteLoaderData<typeof loader>('root');
  return (
    <SiteHeader
      user={data?.user ?? null}
      practices={data?.practices ?? []}
      currentPracticeId={data?.currentPracticeId ?? null}
    />
  );
}

/** The HTML shell every page (and every error page) renders inside. */
export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  // Patients' pages (handle.bare) show no portal navigation: nothing to sign in to.
  const bare = useMatches().some(
    (match) => (match.handle as { bare?: boolean } | undefined)?.bare === true,
  );
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          Skip to main content
        </a>
        {bare ? null : <Header />}
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>
            Groundwork is decision support and education, not medical or legal advice. A licensed
            clinician decides.
          </p>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/** The root route renders its child routes. */
export default function App() {
  return <Outlet />;
}

/** Error pages: a plain message, never a stack trace or request data. */
export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    const title =
      error.status === 404
        ? 'Page not found'
        : error.status === 403
          ? 'Not allowed'
          : `Error ${error.status}`;
    return (
      <div className="page">
        <h1>{title}</h1>
        <p>
          {error.status === 404
            ? 'There is nothing here, or you do not have access to it.'
            : typeof error.data === 'string'
              ? error.data
              : 'Something went wrong.'}
        </p>
        <p>
          <Link to="/">Go to the home page</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page">
      <h1>Something went wrong</h1>
      <p>Please try again. If it keeps happening, contact the practice's administrator.</p>
    </div>
  );
}
