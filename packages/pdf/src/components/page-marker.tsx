import { Text } from '@react-pdf/renderer';
import { useTheme } from './theme-context.js';

/** Called with the page an anchor (a section or a heading) lands on, while react-pdf paginates. */
export type PageMarker = (anchorId: string, pageNumber: number) => void;

/**
 * An empty dynamic text node that reports the page it lands on. react-pdf
 * calls render props while it paginates, before the final pass draws page
 * numbers, so a table of contents drawn later reads real pages. Its only
 * style is the font stack: a lineHeight on dynamic text makes react-pdf 4.9
 * mis-measure pages.
 */
export function PageMark({ anchorId, onPage }: { anchorId: string; onPage: PageMarker }) {
  const theme = useTheme();
  return (
    <Text
      // Only a fontFamily (the whole stack, like any text only known at layout time).
      style={{ fontFamily: theme.fullFontFamily }}
      render={({ pageNumber }) => {
        onPage(anchorId, pageNumber);
        return '';
      }}
    />
  );
}
