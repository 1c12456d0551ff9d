import { compiledReferences } from './generated/references.js';
import type { Reference } from './model/reference.js';

/** The references registry: every source the library may cite. */
export const references: readonly Readonly<Reference>[] = Object.freeze(
  compiledReferences.map((reference) => Object.freeze({ ...reference })),
);

/** One reference of the registry by id, or undefined. */
export function getReference(id: string): Readonly<Reference> | undefined {
  return references.find((reference) => reference.id === id);
}
