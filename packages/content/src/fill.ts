import { mapInlines } from './map-inlines.js';
import type { Document } from './model/document.js';
import {
  isPlaceholderName,
  type PlaceholderName,
  type PlaceholderValues,
} from './model/placeholders.js';
import { placeholdersIn } from './placeholders-in.js';

/**
 * Thrown by `fill` when values are missing for placeholders the document
 * uses, or when values name placeholders that do not exist. Both lists are
 * complete, so one error says everything to fix.
 */
export class FillError extends Error {
  /** Placeholders the document uses that got no (non-blank) value. */
  readonly missing: PlaceholderName[];
  /** Keys of the values that are not placeholder names. */
  readonly unknown: string[];
  /** Keys whose value was not a string. */
  readonly notText: string[];

  constructor(input: {
    documentId: string;
    missing: PlaceholderName[];
    unknown: string[];
    notText: string[];
  }) {
    const parts: string[] = [];
    if (input.missing.length > 0) parts.push(`missing values for ${input.missing.join(', ')}`);
    if (input.unknown.length > 0) {
      parts.push(
        `unknown placeholders ${input.unknown.map((name) => JSON.stringify(name)).join(', ')}`,
      );
    }
    if (input.notText.length > 0)
      parts.push(`values that are not text for ${input.notText.join(', ')}`);
    super(`Cannot fill "${input.documentId}": ${parts.join('; ')}.`);
    this.name = 'FillError';
    this.missing = input.missing;
    this.unknown = input.unknown;
    this.notText = input.notText;
  }
}

// C0 controls, DEL, C1 controls, and the bidirectional embedding, override
// and isolate controls that would reorder the text around a value.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching controls is the point
const STRIPPED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const LINE_BREAKS_AND_TABS = /[\t\n\r]+/g;

/**
 * Makes a value safe to place as text: tabs and line breaks become one
 * space, all other C0/C1 control characters and bidi controls are removed,
 * everything else is kept as is (no truncation, no escaping: it is text).
 */
export function cleanValue(value: string): string {
  return value.replace(LINE_BREAKS_AND_TABS, ' ').replace(STRIPPED, '');
}

/**
 * Returns a new document with every placeholder replaced by a text node
 * holding its value (marked `filledFrom`). Values are inert text, never
 * markup. Throws a `FillError` listing every missing and unknown placeholder.
 */
export function fill(document: Document, values: PlaceholderValues): Document {
  const cleaned = new Map<PlaceholderName, string>();
  const unknown: string[] = [];
  const notText: string[] = [];
  for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
    if (!isPlaceholderName(key)) {
      unknown.push(key);
    } else if (value === undefined) {
      // an explicit undefined is the same as leaving the key out
    } else if (typeof value !== 'string') {
      notText.push(key);
    } else {
      const text = cleanValue(value);
      if (text.trim() !== '') cleaned.set(key, text);
    }
  }
  const missing = placeholdersIn(document).filter(
    (name) => !cleaned.has(name) && !notText.includes(name),
  );
  if (missing.length > 0 || unknown.length > 0 || notText.length > 0) {
    throw new FillError({ documentId: document.id, missing, unknown, notText });
  }
  return mapInlines(document, (inline) => {
    if (inline.type !== 'placeholder') return [inline];
    const value = cleaned.get(inline.name) ?? '';
    return [{ type: 'text', value, filledFrom: inline.name }];
  });
}
