import { Link, Text } from '@react-pdf/renderer';
import type { Inline } from '@groundwork/content';
import type { ReactNode } from 'react';
import { TextWithAddresses } from './address-text.js';
import { referenceAnchor, useDocumentContext } from './document-context.js';
import { keyed } from './keyed.js';
import { useTheme } from './theme-context.js';

/** A blank to write on, used for placeholders that got no value. */
export const BLANK = '________________';

function Citation({ referenceIds }: { referenceIds: string[] }) {
  const theme = useTheme();
  const { citationNumbers, linkCitations } = useDocumentContext();
  const label = `[${referenceIds.map((id) => citationNumbers.get(id) ?? id).join(', ')}]`;
  const first = referenceIds[0];
  // One link per citation (to its first source) keeps the node count, and so layout time, down.
  return linkCitations && first !== undefined && citationNumbers.has(first) ? (
    <Link
      src={`#${referenceAnchor(first)}`}
      style={{ color: theme.colours.muted, fontSize: 8, textDecoration: 'none' }}
    >
      {label}
    </Link>
  ) : (
    <Text style={{ color: theme.colours.muted, fontSize: 8 }}>{label}</Text>
  );
}

/** Renders inline content (text, strong, emphasis, links, citations) as nested react-pdf text runs. */
export function InlineContent({ content }: { content: readonly Inline[] }): ReactNode {
  const theme = useTheme();
  return keyed(content).map(({ key, item: inline }) => {
    switch (inline.type) {
      case 'text':
        return <TextWithAddresses key={key} text={inline.value} />;
      case 'strong':
        return (
          <Text key={key} style={{ fontWeight: 700 }}>
            <InlineContent content={inline.children} />
          </Text>
        );
      case 'emphasis':
        return (
          <Text key={key} style={{ fontStyle: 'italic' }}>
            <InlineContent content={inline.children} />
          </Text>
        );
      case 'link':
        return (
          <Link key={key} src={inline.url} style={{ color: theme.colours.accent }}>
            <InlineContent content={inline.children} />
          </Link>
        );
      case 'citation':
        return <Citation key={key} referenceIds={inline.referenceIds} />;
      case 'placeholder':
        return BLANK;
      default:
        return null;
    }
  });
}

/** Inline content as plain text (for bookmarks and metadata). */
export function inlineText(content: readonly Inline[]): string {
  return content
    .map((inline) => {
      switch (inline.type) {
        case 'text':
          return inline.value;
        case 'strong':
        case 'emphasis':
        case 'link':
          return inlineText(inline.children);
        default:
          return '';
      }
    })
    .join('');
}
