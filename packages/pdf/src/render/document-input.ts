import {
  type Document,
  DocumentSchema,
  getDocument,
  type Locale,
  listDocuments,
} from '@groundwork/content';
import { describeIssues } from '../brand/brand-kit.js';
import { DocumentKindError } from '../errors.js';

/** A library document, or its id to look up in `@groundwork/content`. */
export type DocumentInput = Document | string;

/**
 * Resolves a document id (in the given locale) or checks a document object.
 * An unknown id, a malformed object or a document of another kind is a
 * {@link DocumentKindError} that says which ids of the right kind exist.
 */
export function resolveDocument(
  input: DocumentInput,
  { locale, kind }: { locale: Locale; kind: Document['kind'] },
): Document {
  let document: Document;
  if (typeof input === 'string') {
    const other = listDocuments({ locale }).find((entry) => entry.id === input);
    if (other && other.kind !== kind) {
      throw new DocumentKindError(
        `"${input}" is a ${other.kind}, not a ${kind}: pass a ${kind} document or its id`,
      );
    }
    const known = listDocuments({ locale, kind });
    if (!other) {
      throw new DocumentKindError(
        `Unknown ${kind} ${JSON.stringify(input)} in locale ${locale}: expected one of ${known.map((entry) => entry.id).join(', ')}`,
      );
    }
    document = getDocument(input, { locale });
  } else {
    const parsed = DocumentSchema.safeParse(input);
    if (!parsed.success) {
      throw new DocumentKindError(`Invalid ${kind} document:\n${describeIssues(parsed.error)}`, {
        cause: parsed.error,
      });
    }
    document = parsed.data;
  }
  if (document.kind !== kind) {
    throw new DocumentKindError(
      `"${document.id}" is a ${document.kind}, not a ${kind}: pass a ${kind} document or its id`,
    );
  }
  return document;
}

/**
 * What identifies a document input in a cache key: a library id with its
 * locale and version (the authoring rules bump the version on every change),
 * or the whole document object when one is passed in.
 */
export function documentKey(input: DocumentInput, locale: string): unknown {
  if (typeof input !== 'string') return input;
  const memoKey = `${input}\u0000${locale}`;
  let version = versions.get(memoKey);
  if (version === undefined) {
    // The library is compiled into @groundwork/content, so a version never changes within a process.
    version =
      listDocuments({ locale: locale as Locale }).find((document) => document.id === input)
        ?.version ?? null;
    versions.set(memoKey, version);
  }
  return { id: input, locale, version };
}

const versions = new Map<string, string | null>();
