import {
  type Document,
  fill,
  type PlaceholderName,
  type PlaceholderValues,
  placeholdersIn,
} from '@groundwork/content';
import type { BrandKit } from '../brand/brand-kit.js';
import { BLANK } from '../components/inline-content.js';
import type { RenderWarning } from '../text/prepare-text.js';

/**
 * Fills a document's placeholders: `practice.*` from the brand kit, the rest
 * (patient name, date, clinician) from `extra`. A placeholder with no value
 * becomes a blank line to write on; a missing practice detail is reported as
 * a warning because a patient may need it (an urgent phone number, say).
 */
export function fillDocument({
  document,
  brandKit,
  extra = {},
}: {
  document: Document;
  brandKit: BrandKit;
  extra?: PlaceholderValues;
}): { document: Document; warnings: RenderWarning[] } {
  const { practice } = brandKit;
  const known: PlaceholderValues = {
    'practice.name': practice.name,
    'practice.phone': practice.phone,
    'practice.emergencyPhone': practice.emergencyPhone,
    'practice.address': practice.address,
    'practice.website': practice.website,
    'practice.email': practice.email,
    ...extra,
  };
  const values: PlaceholderValues = {};
  const warnings: RenderWarning[] = [];
  for (const name of placeholdersIn(document) as PlaceholderName[]) {
    const value = known[name];
    if (value && value.trim() !== '') {
      values[name] = value;
    } else {
      values[name] = BLANK;
      if (name.startsWith('practice.')) {
        warnings.push({
          kind: 'brand-kit',
          field: name,
          message: `"${document.id}" uses {{${name}}} but the brand kit has no ${name.slice('practice.'.length)}; a blank line was printed instead. Add it to the brand kit.`,
        });
      }
    }
  }
  return { document: fill(document, values), warnings };
}
