import type { Document } from './model/document.js';
import { ROUTES, type Route } from './model/routes.js';

/** The routes a document has route-limited sections for, in the order of `ROUTES`. */
export function routesIn(document: Document): Route[] {
  const used = new Set(document.sections.flatMap((section) => section.routes ?? []));
  return ROUTES.filter((route) => used.has(route));
}

/**
 * Keeps the shared sections and the sections limited to any of `routes`,
 * and records the variant on the document. Unknown or empty routes throw.
 */
export function selectVariant(document: Document, routes: readonly Route[]): Document {
  const unknown = routes.filter((route) => !(ROUTES as readonly string[]).includes(route));
  if (routes.length === 0 || unknown.length > 0) {
    throw new Error(
      `A variant needs one or more routes out of ${ROUTES.join(', ')}; received ${JSON.stringify(routes)}.`,
    );
  }
  const wanted = ROUTES.filter((route) => routes.includes(route));
  return {
    ...document,
    sections: document.sections.filter(
      (section) => !section.routes || section.routes.some((route) => wanted.includes(route)),
    ),
    variant: { routes: wanted },
  };
}
