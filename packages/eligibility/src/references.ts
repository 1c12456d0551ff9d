import { getReference } from '@groundwork/content';

/** A source a finding cites: id and, from the references registry, citation, url and/or doi. */
export interface FindingReference {
  id: string;
  citation?: string;
  url?: string;
  doi?: string;
}

/**
 * Resolves a reference id against the `@groundwork/content` references
 * registry; an id the registry does not know (e.g. a practice's own rule)
 * comes back as `{ id }` alone.
 */
export function resolveReference(id: string): FindingReference {
  const reference = getReference(id);
  if (!reference) return { id };
  return {
    id,
    citation: reference.citation,
    ...(reference.url ? { url: reference.url } : {}),
    ...(reference.doi ? { doi: reference.doi } : {}),
  };
}
