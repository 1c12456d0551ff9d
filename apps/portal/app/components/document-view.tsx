import type { Document } from '@groundwork/content';
import { ContentSections } from './content-blocks';

/**
 * Renders a @groundwork/content document as semantic HTML — the reading
 * version of the same content the PDF is made from, not a second copy.
 * Citations link to the reference list at the end.
 */
export function DocumentView({
  document,
  contents,
}: {
  document: Document;
  /** When given, a table of contents is shown after the title. */
  contents?: Array<{ id: string; title: string }>;
}) {
  return (
    <article className="guide-content" aria-labelledby="document-title">
      <header>
        <h1 id="document-title">{document.title}</h1>
        <p className="lead">{document.summary}</p>
        <DocumentFacts document={document} />
      </header>
      {contents ? (
        <nav aria-labelledby="document-contents" className="toc">
          <h2 id="document-contents">Contents</h2>
          <ol>
            {contents.map((entry) => (
              <li key={entry.id}>
                <a href={`#${entry.id}`}>{entry.title}</a>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <ContentSections document={document} mode="screen" />
    </article>
  );
}

/** Version, review date, reviewer and disclaimer: every clinical document shows them. */
export function DocumentFacts({ document }: { document: Document }) {
  return (
    <>
      <dl className="document-facts">
        <dt>Version</dt>
        <dd>{document.version}</dd>
        <dt>Last clinically reviewed</dt>
        <dd>
          <time dateTime={document.reviewedAt}>{document.reviewedAt}</time>
        </dd>
        <dt>Reviewer</dt>
        <dd>{document.reviewer}</dd>
      </dl>
      <p className="callout callout--info">
        <strong>Disclaimer:</strong> {document.disclaimer}
      </p>
    </>
  );
}
