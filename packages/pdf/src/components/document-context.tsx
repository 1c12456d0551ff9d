import { createContext, useContext } from 'react';
import type { PageMarker } from './page-marker.js';

/** Per-document facts block renderers need beyond the theme. */
export interface DocumentContextValue {
  /** Citation number of each reference id (1-based, in order of first citation). */
  citationNumbers: ReadonlyMap<string, number>;
  /** Whether citations link to entries of a printed reference list. */
  linkCitations: boolean;
  /** Whether acknowledgement and signature blocks carry fillable form fields. */
  fillable: boolean;
  /** Pre-filled values for signature blocks. */
  prefill: { patientName?: string; date?: string };
  /** When set, level-3 headings become link targets and report their page (for a table of contents). */
  markHeading?: PageMarker;
}

const DocumentContext = createContext<DocumentContextValue>({
  citationNumbers: new Map(),
  linkCitations: false,
  fillable: false,
  prefill: {},
});

/** Provides {@link DocumentContextValue} to block renderers. */
export const DocumentContextProvider = DocumentContext.Provider;

/** The current document's citation numbers, form settings and pre-filled values. */
export function useDocumentContext(): DocumentContextValue {
  return useContext(DocumentContext);
}

/** Anchor id of a reference list entry, for citation links. */
export function referenceAnchor(referenceId: string): string {
  return `ref-${referenceId}`;
}

/** Anchor id of a section, for table-of-contents links. */
export function sectionAnchor(sectionId: string): string {
  return `section-${sectionId}`;
}

/** Anchor id of a heading block, for table-of-contents links. */
export function headingAnchor(blockId: string): string {
  return `heading-${blockId}`;
}
