import type { Block, Document, FlowBlock, Inline, ListItem, Section } from '@groundwork/content';
import { Fragment } from 'react';
import type { ReactNode } from 'react';

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
  const referenceNumbers = new Map(
    document.references.map((reference, index) => [reference.id, index + 1]),
  );
  // The list goes at the end of the document's own "references" section when
  // it has one (as the guide does), else in a section of its own.
  const hasReferencesSection = document.sections.some((section) => section.id === 'references');
  const referenceList = (
    <ol className="reference-list">
      {document.references.map((reference) => (
        <li key={reference.id} id={`ref-${reference.id}`}>
          {reference.citation} {reference.url ? <a href={reference.url}>{reference.url}</a> : null}
          {reference.doi ? (
            <>
              {' '}
              <a href={`https://doi.org/${reference.doi}`}>doi:{reference.doi}</a>
            </>
          ) : null}
        </li>
      ))}
    </ol>
  );
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
      {document.sections.map((section) => (
        <SectionView
          key={section.id}
          section={section}
          referenceNumbers={referenceNumbers}
          after={section.id === 'references' ? referenceList : null}
        />
      ))}
      {document.references.length > 0 && !hasReferencesSection ? (
        <section aria-labelledby="references">
          <h2 id="references">References</h2>
          {referenceList}
        </section>
      ) : null}
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

type Numbers = Map<string, number>;

function SectionView({
  section,
  referenceNumbers,
  after,
}: {
  section: Section;
  referenceNumbers: Numbers;
  /** Rendered at the end of the section (the reference list, in the references section). */
  after: ReactNode;
}) {
  const blocks = section.blocks.map((block) => (
    <BlockView key={block.id} block={block} referenceNumbers={referenceNumbers} />
  ));
  if (!section.title) return <section>{blocks}</section>;
  return (
    <section aria-labelledby={section.id}>
      <h2 id={section.id}>{section.title}</h2>
      {blocks}
      {after}
    </section>
  );
}

function BlockView({ block, referenceNumbers }: { block: Block; referenceNumbers: Numbers }) {
  switch (block.type) {
    case 'heading': {
      const content = <Inlines inlines={block.content} referenceNumbers={referenceNumbers} />;
      return block.level === 3 ? <h3>{content}</h3> : <h4>{content}</h4>;
    }
    case 'paragraph':
    case 'list':
      return <FlowView block={block} referenceNumbers={referenceNumbers} />;
    case 'callout':
      return (
        <aside
          className={`callout callout--${block.tone}`}
          aria-label={block.title ?? (block.tone === 'info' ? 'Note' : 'Warning')}
        >
          {block.title ? (
            <p>
              <strong>{block.title}</strong>
            </p>
          ) : null}
          {block.blocks.map((inner) => (
            <FlowView key={inner.id} block={inner} referenceNumbers={referenceNumbers} />
          ))}
        </aside>
      );
    case 'table':
      return (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                {block.header.map((cell, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns have no identity but their position
                  <th key={index} scope="col">
                    <Inlines inlines={cell} referenceNumbers={referenceNumbers} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, rowIndex) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
                <tr key={rowIndex}>
                  {row.map((cell, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells have no identity but their position
                    <td key={index}>
                      <Inlines inlines={cell} referenceNumbers={referenceNumbers} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'definitions':
      return (
        <dl>
          {block.items.map((item) => (
            <Fragment key={item.term}>
              <dt>{item.term}</dt>
              <dd>
                <Inlines inlines={item.definition} referenceNumbers={referenceNumbers} />
              </dd>
            </Fragment>
          ))}
        </dl>
      );
    case 'acknowledgement':
      return (
        <div className="callout">
          {block.blocks.map((inner) => (
            <FlowView key={inner.id} block={inner} referenceNumbers={referenceNumbers} />
          ))}
        </div>
      );
    case 'signature':
    case 'pageBreak':
      // Paper-only blocks have no meaning on screen.
      return null;
  }
}

function FlowView({ block, referenceNumbers }: { block: FlowBlock; referenceNumbers: Numbers }) {
  if (block.type === 'paragraph') {
    return (
      <p>
        <Inlines inlines={block.content} referenceNumbers={referenceNumbers} />
      </p>
    );
  }
  return (
    <ListView ordered={block.ordered} items={block.items} referenceNumbers={referenceNumbers} />
  );
}

function ListView({
  ordered,
  items,
  referenceNumbers,
}: {
  ordered: boolean;
  items: ListItem[];
  referenceNumbers: Numbers;
}) {
  const children = items.map((item, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity but their position
    <li key={index}>
      <Inlines inlines={item.content} referenceNumbers={referenceNumbers} />
      {item.list ? (
        <ListView
          ordered={item.list.ordered}
          items={item.list.items}
          referenceNumbers={referenceNumbers}
        />
      ) : null}
    </li>
  ));
  return ordered ? <ol>{children}</ol> : <ul>{children}</ul>;
}

function Inlines({ inlines, referenceNumbers }: { inlines: Inline[]; referenceNumbers: Numbers }) {
  return (
    <>
      {inlines.map((inline, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: inline runs have no identity but their position
        <InlineView key={index} inline={inline} referenceNumbers={referenceNumbers} />
      ))}
    </>
  );
}

function InlineView({ inline, referenceNumbers }: { inline: Inline; referenceNumbers: Numbers }) {
  switch (inline.type) {
    case 'text':
      return <>{inline.value}</>;
    case 'strong':
      return (
        <strong>
          <Inlines inlines={inline.children} referenceNumbers={referenceNumbers} />
        </strong>
      );
    case 'emphasis':
      return (
        <em>
          <Inlines inlines={inline.children} referenceNumbers={referenceNumbers} />
        </em>
      );
    case 'link':
      return (
        <a href={inline.url}>
          <Inlines inlines={inline.children} referenceNumbers={referenceNumbers} />
        </a>
      );
    case 'citation':
      return (
        <sup className="citation">
          [
          {inline.referenceIds.map((id, index) => (
            <Fragment key={id}>
              {index > 0 ? ', ' : null}
              <a href={`#ref-${id}`} aria-label={`Reference ${referenceNumbers.get(id) ?? id}`}>
                {referenceNumbers.get(id) ?? id}
              </a>
            </Fragment>
          ))}
          ]
        </sup>
      );
    case 'placeholder':
      return <span className="placeholder">[{inline.name}]</span>;
  }
}
