import type { Block, Document, FlowBlock, Inline, ListItem } from '@groundwork/content';
import type { ReactNode } from 'react';

/**
 * The brand as the HTML preview needs it: contact lines and the logo URL.
 * Colours and typeface come from the brand stylesheet (CSS custom properties),
 * because the portal's Content-Security-Policy forbids inline styles.
 */
export interface PreviewBrand {
  practiceName: string;
  logoUrl?: string | undefined;
  address?: string | undefined;
  phone?: string | undefined;
  emergencyPhone?: string | undefined;
  website?: string | undefined;
  footerNote?: string | undefined;
}

function InlineContent({ content }: { content: readonly Inline[] }): ReactNode {
  return content.map((inline, index) => {
    const key = `${inline.type}-${index}`;
    switch (inline.type) {
      case 'text':
        return <span key={key}>{inline.value}</span>;
      case 'strong':
        return (
          <strong key={key}>
            <InlineContent content={inline.children} />
          </strong>
        );
      case 'emphasis':
        return (
          <em key={key}>
            <InlineContent content={inline.children} />
          </em>
        );
      case 'link':
        return (
          <a key={key} href={inline.url} rel="noreferrer noopener" target="_blank">
            <InlineContent content={inline.children} />
          </a>
        );
      case 'citation':
        return (
          <sup key={key} className="citation">
            [{inline.referenceIds.join(', ')}]
          </sup>
        );
      case 'placeholder':
        return (
          <span key={key} className="placeholder">
            ________
          </span>
        );
      default:
        return null;
    }
  });
}

function ListView({ ordered, items }: { ordered: boolean; items: readonly ListItem[] }): ReactNode {
  const children = items.map((item, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: list items have no ids and never reorder
    <li key={index}>
      <InlineContent content={item.content} />
      {item.list ? <ListView ordered={item.list.ordered} items={item.list.items} /> : null}
    </li>
  ));
  return ordered ? <ol>{children}</ol> : <ul>{children}</ul>;
}

function FlowView({ block }: { block: FlowBlock }): ReactNode {
  return block.type === 'paragraph' ? (
    <p>
      <InlineContent content={block.content} />
    </p>
  ) : (
    <ListView ordered={block.ordered} items={block.items} />
  );
}

function BlockView({ block }: { block: Block }): ReactNode {
  switch (block.type) {
    case 'heading':
      return block.level === 3 ? (
        <h4>
          <InlineContent content={block.content} />
        </h4>
      ) : (
        <h5>
          <InlineContent content={block.content} />
        </h5>
      );
    case 'paragraph':
    case 'list':
      return <FlowView block={block} />;
    case 'callout':
      return (
        <aside className={`callout callout-${block.tone}`}>
          {block.title ? <p className="callout-title">{block.title}</p> : null}
          {block.blocks.map((inner) => (
            <FlowView key={inner.id} block={inner} />
          ))}
        </aside>
      );
    case 'table':
      return (
        <table>
          <thead>
            <tr>
              {block.header.map((cell, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                <th key={index}>
                  <InlineContent content={cell} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, rowIndex) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
              <tr key={rowIndex}>
                {row.map((cell, cellIndex) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                  <td key={cellIndex}>
                    <InlineContent content={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'definitions':
      return (
        <dl>
          {block.items.map((item) => (
            <div key={item.term}>
              <dt>{item.term}</dt>
              <dd>
                <InlineContent content={item.definition} />
              </dd>
            </div>
          ))}
        </dl>
      );
    case 'acknowledgement':
      return (
        <div className="acknowledgement">
          <span className="initials" aria-hidden="true">
            ____
          </span>
          <div>
            {block.blocks.map((inner) => (
              <FlowView key={inner.id} block={inner} />
            ))}
          </div>
        </div>
      );
    case 'signature':
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
      return <hr className="page-break" />;
    default:
      return null;
  }
}

/**
 * The same content blocks the PDF renderer draws, as HTML with the practice's
 * brand applied: a fast, approximate preview that updates as settings change.
 */
export function DocumentPreview({
  document,
  brand,
  paper,
}: {
  document: Document;
  brand: PreviewBrand;
  paper: string;
}): ReactNode {
  const contact = [brand.address, brand.phone, brand.website].filter(Boolean).join(' · ');
  return (
    <article
      className={`document-preview paper-${paper.toLowerCase()}`}
      lang={document.locale}
      aria-label={`Preview: ${document.title}`}
    >
      <header>
        {brand.logoUrl ? <img src={brand.logoUrl} alt={`${brand.practiceName} logo`} /> : null}
        <p className="practice-name">{brand.practiceName}</p>
      </header>
      <h3>{document.title}</h3>
      {document.sections.map((section) => (
        <section key={section.id}>
          {section.title ? <h4>{section.title}</h4> : null}
          {section.blocks.map((block) => (
            <BlockView key={block.id} block={block} />
          ))}
        </section>
      ))}
      <footer>
        {brand.emergencyPhone ? <p className="emergency">{brand.emergencyPhone}</p> : null}
        {contact ? <p>{contact}</p> : null}
        {brand.footerNote ? <p>{brand.footerNote}</p> : null}
        <p className="disclaimer">{document.disclaimer}</p>
        <p className="version">
          v{document.version} · {document.reviewedAt} · {document.reviewer}
        </p>
      </footer>
    </article>
  );
}
