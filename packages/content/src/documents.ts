import { compiledLibrary } from './generated/library.js';
import type { Audience, Document, DocumentKind } from './model/document.js';
import type { Reference } from './model/reference.js';
import type { Locale, Route } from './model/routes.js';
import { selectVariant } from './select-variant.js';

/** Filters for `listDocuments`; each one given must match. */
export type DocumentFilter = {
  kind?: DocumentKind;
  audience?: Audience;
  locale?: Locale;
};

/** Options for `getDocument`. */
export type GetDocumentOptions = {
  /** The locale wanted. */
  locale: Locale;
  /** Keep only the shared sections and those for these routes. Absent = every section. */
  variant?: { routes: readonly Route[] };
  /** Serve English when `locale` is missing (the result's `fellBackFrom` says so). Default false. */
  fallbackToEnglish?: boolean;
};

/** Thrown by `getDocument` for an unknown id or a missing locale; says what exists. */
export class DocumentNotFoundError extends Error {
  /** The id asked for. */
  readonly documentId: string;
  /** The locale asked for. */
  readonly locale: Locale;
  /** Locales the document exists in (empty when the id is unknown). */
  readonly availableLocales: Locale[];

  constructor(input: { documentId: string; locale: Locale; availableLocales: Locale[] }) {
    const known = compiledLibrary.documents.map((document) => document.id);
    super(
      input.availableLocales.length === 0
        ? `No document "${input.documentId}" in the library; known ids: ${[...new Set(known)].join(', ') || '(none)'}.`
        : `Document "${input.documentId}" has no "${input.locale}" version (it has ${input.availableLocales.join(', ')}); pass fallbackToEnglish: true to get English.`,
    );
    this.name = 'DocumentNotFoundError';
    this.documentId = input.documentId;
    this.locale = input.locale;
    this.availableLocales = input.availableLocales;
  }
}

/**
 * Every document of the library matching `filter`, sorted by id then locale.
 * Each call returns fresh copies: changing one never changes the library.
 */
export function listDocuments(filter: DocumentFilter = {}): Document[] {
  return compiledLibrary.documents
    .filter(
      (document) =>
        (filter.kind === undefined || document.kind === filter.kind) &&
        (filter.audience === undefined || document.audience === filter.audience) &&
        (filter.locale === undefined || document.locale === filter.locale),
    )
    .sort((a, b) => a.id.localeCompare(b.id) || a.locale.localeCompare(b.locale))
    .map((document) => structuredClone(document));
}

/**
 * One document in one locale, optionally one route variant. When the locale
 * is missing and `fallbackToEnglish` is set, the English document comes back
 * with `fellBackFrom` set to the locale asked for; otherwise a
 * `DocumentNotFoundError` is thrown. The result is a fresh copy.
 */
export function getDocument(id: string, options: GetDocumentOptions): Document {
  const versions = compiledLibrary.documents.filter((document) => document.id === id);
  let document = versions.find((candidate) => candidate.locale === options.locale);
  if (!document && options.fallbackToEnglish) {
    const english = versions.find((candidate) => candidate.locale === 'en');
    if (english) document = { ...english, fellBackFrom: options.locale };
  }
  if (!document) {
    throw new DocumentNotFoundError({
      documentId: id,
      locale: options.locale,
      availableLocales: versions.map((version) => version.locale),
    });
  }
  const copy = structuredClone(document);
  return options.variant ? selectVariant(copy, options.variant.routes) : copy;
}

/** The references registry: every source the library may cite. */
export const references: readonly Readonly<Reference>[] = Object.freeze(
  compiledLibrary.references.map((reference) => Object.freeze({ ...reference })),
);

/** One reference of the registry by id, or undefined. */
export function getReference(id: string): Readonly<Reference> | undefined {
  return references.find((reference) => reference.id === id);
}
