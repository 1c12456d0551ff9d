import { Text } from '@react-pdf/renderer';
import type { Section } from '@groundwork/content';
import { BookmarkView } from './bookmark-view.js';
import { BlockView } from './blocks.js';
import { sectionAnchor } from './document-context.js';
import { Heading } from './typography.js';

/** Called with the page a section starts on, while react-pdf paginates. */
export type PageMarker = (sectionId: string, pageNumber: number) => void;

/**
 * A section (a fragment, so its heading can keep with the previous
 * section's end when it needs to move): its title as a level-2 heading (with a PDF bookmark and a link
 * anchor) followed by its blocks. With `onPage`, an empty dynamic text node
 * reports the page the heading lands on, for the table of contents.
 */
export function SectionView({
  section,
  bookmark = false,
  onPage,
}: {
  section: Section;
  bookmark?: boolean;
  onPage?: PageMarker;
}) {
  return (
    <>
      {section.title ? (
        <BookmarkView
          id={sectionAnchor(section.id)}
          wrap={false}
          minPresenceAhead={60}
          bookmark={bookmark ? { title: section.title, fit: true } : undefined}
        >
          {onPage ? (
            <Text
              render={({ pageNumber }) => {
                onPage(section.id, pageNumber);
                return '';
              }}
            />
          ) : null}
          <Heading level={2}>{section.title}</Heading>
        </BookmarkView>
      ) : null}
      {section.blocks.map((block) => (
        <BlockView key={block.id} block={block} />
      ))}
    </>
  );
}
