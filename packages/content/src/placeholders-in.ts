import { forEachInline } from './map-inlines.js';
import type { Document } from './model/document.js';
import { PLACEHOLDERS, type PlaceholderName } from './model/placeholders.js';

/** The placeholder names a document uses, each once, in the order of `PLACEHOLDERS`. */
export function placeholdersIn(document: Document): PlaceholderName[] {
  const used = new Set<PlaceholderName>();
  forEachInline(document, (inline) => {
    if (inline.type === 'placeholder') used.add(inline.name);
  });
  return PLACEHOLDERS.filter((name) => used.has(name));
}
