import { renderToStaticMarkup } from 'react-dom/server';
import { DocumentView } from '../../components/document-view';
import { getGuide, guideContents } from './guide.server';

let cached: { version: string; html: string } | undefined;

/**
 * The whole guide as the reading page's HTML, rendered once per content
 * version. The guide is the same for every reader, and rendering its 30-odd
 * sections (and sending them as loader data) on every request was the
 * portal's slowest page by far; now each request sends one string.
 */
export function guideReadingHtml(): string {
  const document = getGuide();
  if (cached?.version !== document.version) {
    const html = renderToStaticMarkup(
      <DocumentView document={document} contents={guideContents(document)} />,
    );
    cached = { version: document.version, html };
  }
  return cached.html;
}
