import { getDocument } from '@groundwork/content';
import type { Document } from '@groundwork/content';

/** The library id of the Psychedelic Basics guide. */
export const GUIDE_ID = 'psychedelic-basics-guide';

let guide: Document | undefined;

/** The English guide from the content model (the package holds it in memory; this keeps one reference). */
export function getGuide(): Document {
  guide ??= getDocument(GUIDE_ID, { locale: 'en' });
  return guide;
}

/** The guide's table of contents: every titled section. */
export function guideContents(document: Document): Array<{ id: string; title: string }> {
  return document.sections.flatMap((section) =>
    section.title ? [{ id: section.id, title: section.title }] : [],
  );
}
