/** A source a finding cites, resolved from the references registry when known. */
export interface FindingReference {
  id: string;
  citation?: string;
  url?: string;
  doi?: string;
}

/** Resolves a reference id to its citation (the id alone when not in the registry). */
export function resolveReference(id: string): FindingReference {
  return { id };
}
