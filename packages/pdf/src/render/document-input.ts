import {
  type Document,
  DocumentSchema,
  getDocument,
  type Locale,
  LocaleSchema,
  listDocuments,
} from '@groundwork/content';
import { describeIssues } from '../brand/brand-kit.js';

/** A library document, or its id to look up in `@groundwork/content`. */
export type DocumentInput = Document | string;

/** Resolves a document id (in the given locale) or checks a document object; errors name what is wrong. */
export function resolveDocument(
  input: DocumentInput,
  { locale, kind }: { locale: string; kind: Document['kind'] },
): Document {
  let document: Document;
  if (typeof input === 'string') {
    const parsedLocale = LocaleSchema.safeParse(locale);
    if (!parsedLocale.success) {
      throw new Error(`Unknown locale ${JSON.stringify(locale)}: expected one of en, es`);
    }
    document = getDocument(input, { locale: parsedLocale.data as Locale });
  } else {
    const parsed = DocumentSchema.safeParse(input);
    if (!parsed.success) {
      throw new Error(`Invalid document:\n${describeIssues(parsed.error)}`, {
        cause: parsed.error,
      });
    }
    document = parsed.data;
  }
  if (document.kind !== kind) {
    throw new Error(`"${document.id}" is a ${document.kind}, not a ${kind}`);
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
