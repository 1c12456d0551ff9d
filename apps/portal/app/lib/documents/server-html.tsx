import { createContext, useContext, useEffect, useState } from 'react';

/**
 * HTML that the server renders once and keeps (the whole guide), handed from
 * entry.server to the page that shows it, so a document request carries it
 * once in the markup instead of a second time as loader data.
 */
export const ServerHtmlContext = createContext<{ guide: () => string } | null>(null);

/**
 * The guide's reading HTML for the element with id `elementId`: the loader's
 * copy on a client-side navigation, the server's while rendering the
 * document, and while hydrating the markup already in the page.
 */
export function useGuideHtml(fromLoader: string | null, elementId: string): string {
  const server = useContext(ServerHtmlContext);
  const [initial] = useState(
    () =>
      fromLoader ??
      server?.guide() ??
      (typeof document === 'undefined'
        ? ''
        : (document.getElementById(elementId)?.innerHTML ?? '')),
  );
  const html = fromLoader ?? initial;
  // A browser that does not say what a request is for got no HTML on a client-side
  // navigation: load the page as a document, which always has it.
  useEffect(() => {
    if (!html) window.location.reload();
  }, [html]);
  return html;
}
