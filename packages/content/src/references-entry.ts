/**
 * `@groundwork/content/references`: the references registry and its lookup
 * alone, without the documents, the checklist or zod, for browser bundles that
 * only need to resolve citations.
 */
export { getReference, references } from './references.js';
export type { Reference } from './model/reference.js';
