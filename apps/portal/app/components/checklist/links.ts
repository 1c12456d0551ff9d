import type { LinksFunction } from '@remix-run/node';
import stylesheet from './checklist.css?url';

/** The checklist stylesheet, for the `links` export of every route that shows checklist parts. */
export const checklistLinks: LinksFunction = () => [{ rel: 'stylesheet', href: stylesheet }];
