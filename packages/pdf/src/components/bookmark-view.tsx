import { View } from '@react-pdf/renderer';
import type { ComponentType, ReactNode } from 'react';

type ViewProps = React.ComponentProps<typeof View>;

/** A PDF outline entry: title, whether to zoom to fit, whether it starts expanded. */
export interface Bookmark {
  title: string;
  fit?: boolean;
  expanded?: boolean;
}

// react-pdf resolves `bookmark` on any node (see @react-pdf/layout resolveBookmarks),
// but its typings only declare it on Page.
const ViewWithBookmark = View as unknown as ComponentType<
  ViewProps & { bookmark?: Bookmark; children?: ReactNode }
>;

/** A react-pdf View that adds an entry to the PDF outline (bookmarks panel) where it lands. */
export function BookmarkView({
  bookmark,
  ...props
}: ViewProps & { bookmark?: Bookmark | undefined; children?: ReactNode }) {
  return <ViewWithBookmark {...props} {...(bookmark ? { bookmark } : {})} />;
}
