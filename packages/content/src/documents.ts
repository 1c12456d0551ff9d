import * as z from 'zod';
import { compiledLibrary } from './generated/library.js';
import {
  type Audience,
  AudienceSchema,
  type Document,
  type DocumentKind,
  DocumentKindSchema,
} from './model/document.js';
import { type Locale, LocaleSchema, type Route } from './model/routes.js';
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

const DocumentFilterSchema = z.strictObject({
  kind: DocumentKindSchema.optional(),
  audience: AudienceSchema.optional(),
  locale: LocaleSchema.optional(),
});

/**
 * Every document of the library matching `filter`, sorted by id then locale.
 * Each call returns fresh copies: changing one never changes the library.
 * A filter with an unknown field or value (`{ kind: 'handouts' }`) throws a
 * `TypeError` naming it, rather than quietly matching nothing or everything.
 */
export function listDocuments(filter: DocumentFilter = {}): Document[] {
  const parsed = DocumentFilterSchema.safeParse(filter);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'filter'}: ${issue.message}`,
    );
    throw new TypeError(`listDocuments: invalid filter: ${problems.join('; ')}`, {
      cause: parsed.error,
    });
  }
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
  if (typeof options !== 'object' || options === null || typeof options.locale !== 'string') {
    throw new TypeError(
      `getDocument("${id}", options): options.locale is required, one of ${LocaleSchema.options.join(', ')}; e.g. getDocument("${id}", { locale: 'en' })`,
    );
  }
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
