import type { Block, Document, FlowBlock, Inline, ListItem, Section } from '@groundwork/content';
import { plainText } from '@groundwork/content';
import { TableRegion } from './table-region';
import { createContext, Fragment, useContext } from 'react';
import type { ReactNode } from 'react';

/**
 * How content blocks are drawn: `screen` is the reading version (paper-only
 * blocks such as signature lines are left out, placeholders show their name);
 * `paper` imitates the PDF (blanks to write on, initials boxes, signature
 * lines, page breaks).
 */
export type ContentMode = 'screen' | 'paper';

interface ContentContext {
  mode: ContentMode;
  /** Citation numbers by reference id, in the order of the document's reference list (as the PDF numbers them). */
  referenceNumbers: Map<string, number>;
  /** Prefix for element ids, so two documents on one page never share an id. */
  idPrefix: string;
  /** The HTML heading level of a section title (sub-headings go one and two below it). */
  sectionLevel: 2 | 3 | 4;
  /** Drawn after each acknowledgement (the patient's initials box when signing). */
  afterAcknowledgement?: ((blockId: string) => ReactNode) | undefined;
}

const Context = createContext<ContentContext>({
  mode: 'screen',
  referenceNumbers: new Map(),
  idPrefix: '',
  sectionLevel: 2,
});

/**
 * The one HTML renderer of a @groundwork/content document's sections and
 * reference list, used by the online guide (`screen`) and the handout
 * studio's preview (`paper`). Citations are numbered [1, 2] and link to the
 * list, exactly as the PDF numbers them.
 */
export function ContentSections({
  document,
  mode,
  idPrefix = '',
  sectionLevel = 2,
  afterAcknowledgement,
}: {
  document: Document;
  mode: ContentMode;
  idPrefix?: string;
  sectionLevel?: 2 | 3 | 4;
  /** Drawn after each acknowledgement block, e.g. an initials input. */
  afterAcknowledgement?: (blockId: string) => ReactNode;
}) {
  const context: ContentContext = {
    mode,
    idPrefix,
    sectionLevel,
    afterAcknowledgement,
    referenceNumbers: new Map(
      document.references.map((reference, index) => [reference.id, index + 1]),
    ),
  };
  // The list goes at the end of the document's own "references" section when
  // it has one (as the guide does), else in a section of its own.
  const hasReferencesSection = document.sections.some((section) => section.id === 'references');
  const referencesTitle = document.locale === 'es' ? 'Fuentes' : 'References';
  return (
    <Context.Provider value={context}>
      {document.sections.map((section) => (
        <SectionView
          key={section.id}
          section={section}
          after={section.id === 'references' ? <ReferenceList document={document} /> : null}
        />
      ))}
      {document.references.length > 0 && !hasReferencesSection ? (
        <section aria-labelledby={`${idPrefix}references`}>
          <HeadingAt level={sectionLevel} id={`${idPrefix}references`}>
            {referencesTitle}
          </HeadingAt>
          <ReferenceList document={document} />
        </section>
      ) : null}
    </Context.Provider>
  );
}

function ReferenceList({ document }: { document: Document }) {
  const { idPrefix } = useContext(Context);
  return (
    <ol className="reference-list">
      {document.references.map((reference) => (
        <li key={reference.id} id={`${idPrefix}ref-${reference.id}`}>
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
}

function HeadingAt({
  level,
  id,
  children,
}: {
  level: number;
  id?: string | undefined;
  children: ReactNode;
}) {
  const Tag = `h${Math.min(level, 6)}` as 'h2';
  return <Tag id={id}>{children}</Tag>;
}

function SectionView({ section, after }: { section: Section; after: ReactNode }) {
  const { idPrefix, sectionLevel } = useContext(Context);
  const blocks = section.blocks.map((block) => <BlockView key={block.id} block={block} />);
  if (!section.title) return <section>{blocks}</section>;
  const id = `${idPrefix}${section.id}`;
  return (
    <section aria-labelledby={id}>
      <HeadingAt level={sectionLevel} id={id}>
        {section.title}
      </HeadingAt>
      {blocks}
      {after}
    </section>
  );
}

function BlockView({ block }: { block: Block }): ReactNode {
  const { mode, sectionLevel, afterAcknowledgement } = useContext(Context);
  switch (block.type) {
    case 'heading':
      return (
        <HeadingAt level={sectionLevel + (block.level === 3 ? 1 : 2)}>
          <Inlines inlines={block.content} />
        </HeadingAt>
      );
    case 'paragraph':
    case 'list':
      return <FlowView block={block} />;
    case 'callout':
      return (
        <aside
          className={`callout callout--${block.tone}`}
          aria-label={block.title ?? (block.tone === 'info' ? 'Note' : 'Warning')}
        >
          {block.title ? (
            <p className="callout-title">
              <strong>{block.title}</strong>
            </p>
          ) : null}
          {block.blocks.map((inner) => (
            <FlowView key={inner.id} block={inner} />
          ))}
        </aside>
      );
    case 'table':
      return (
        <TableRegion label={`Table: ${block.header.map((cell) => plainText(cell)).join(', ')}`}>
          <table>
            <thead>
              <tr>
                {block.header.map((cell, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns have no identity but their position
                  <th key={index} scope="col">
                    <Inlines inlines={cell} />
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
                      <Inlines inlines={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      );
    case 'definitions':
      return (
        <dl>
          {block.items.map((item) => (
            <Fragment key={item.term}>
              <dt>{item.term}</dt>
              <dd>
                <Inlines inlines={item.definition} />
              </dd>
            </Fragment>
          ))}
        </dl>
      );
    case 'acknowledgement':
      return (
        <div className={mode === 'paper' ? 'acknowledgement' : 'callout'}>
          {mode === 'paper' ? (
            <span className="initials" aria-hidden="true">
              ____
            </span>
          ) : null}
          <div>
            {block.blocks.map((inner) => (
              <FlowView key={inner.id} block={inner} />
            ))}
            {afterAcknowledgement?.(block.id)}
          </div>
        </div>
      );
    case 'signature':
      // Paper-only: a signature line has no meaning on screen.
      if (mode === 'screen') return null;
      return (
        <div className="signatures">
          {block.parties.map((party) => (
            <p key={party} className="signature-line">
              {party} ____________________ / ________
            </p>
          ))}
        </div>
      );
    case 'pageBreak':
      return mode === 'paper' ? <hr className="page-break" /> : null;
  }
}

function FlowView({ block }: { block: FlowBlock }) {
  if (block.type === 'paragraph') {
    return (
      <p>
        <Inlines inlines={block.content} />
      </p>
    );
  }
  return <ListView ordered={block.ordered} items={block.items} />;
}

function ListView({ ordered, items }: { ordered: boolean; items: readonly ListItem[] }) {
  const children = items.map((item, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity but their position
    <li key={index}>
      <Inlines inlines={item.content} />
      {item.list ? <ListView ordered={item.list.ordered} items={item.list.items} /> : null}
    </li>
  ));
  return ordered ? <ol>{children}</ol> : <ul>{children}</ul>;
}

function Inlines({ inlines }: { inlines: readonly Inline[] }) {
  return (
    <>
      {inlines.map((inline, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: inline runs have no identity but their position
        <InlineView key={index} inline={inline} />
      ))}
    </>
  );
}

function InlineView({ inline }: { inline: Inline }): ReactNode {
  const { mode, referenceNumbers, idPrefix } = useContext(Context);
  switch (inline.type) {
    case 'text':
      return inline.value;
    case 'strong':
      return (
        <strong>
          <Inlines inlines={inline.children} />
        </strong>
      );
    case 'emphasis':
      return (
        <em>
          <Inlines inlines={inline.children} />
        </em>
      );
    case 'link':
      return (
        <a href={inline.url}>
          <Inlines inlines={inline.children} />
        </a>
      );
    case 'citation':
      return (
        <sup className="citation">
          [
          {inline.referenceIds.map((id, index) => (
            <Fragment key={id}>
              {index > 0 ? ', ' : null}
              <a
                href={`#${idPrefix}ref-${id}`}
                aria-label={`Reference ${referenceNumbers.get(id) ?? id}`}
              >
                {referenceNumbers.get(id) ?? id}
              </a>
            </Fragment>
          ))}
          ]
        </sup>
      );
    case 'placeholder':
      return mode === 'paper' ? (
        <span className="placeholder">________</span>
      ) : (
        <span className="placeholder">[{inline.name}]</span>
      );
  }
}
