import type { Section } from '@groundwork/content';
import { BookmarkView } from './bookmark-view.js';
import { BlockView } from './blocks.js';
import { sectionAnchor } from './document-context.js';
import { Heading } from './typography.js';

import { PageMark, type PageMarker } from './page-marker.js';

export type { PageMarker } from './page-marker.js';

/**
 * A section (a fragment, so its heading can keep with the end of the
 * previous section when it has to move): its title as a level-2 heading, with
 * a link anchor and optionally a PDF bookmark and a new page, then its blocks.
 * With `onPage`, a {@link PageMark} reports the page the heading lands on.
 */
export function SectionView({
  section,
  bookmark = false,
  newPage = false,
  onPage,
}: {
  section: Section;
  bookmark?: boolean;
  /** Start the section on a new page (guide chapters). */
  newPage?: boolean;
  onPage?: PageMarker;
}) {
  return (
    <>
      {section.title ? (
        <BookmarkView
          id={sectionAnchor(section.id)}
          wrap={false}
          minPresenceAhead={60}
          break={newPage}
          bookmark={bookmark ? { title: section.title, fit: true } : undefined}
        >
          {onPage ? <PageMark anchorId={sectionAnchor(section.id)} onPage={onPage} /> : null}
          <Heading level={2}>{section.title}</Heading>
        </BookmarkView>
      ) : null}
      {section.blocks.map((block) => (
        <BlockView key={block.id} block={block} />
      ))}
    </>
  );
}
