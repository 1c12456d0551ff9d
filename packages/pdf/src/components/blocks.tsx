import { Text, View } from '@react-pdf/renderer';
import type {
  Block,
  CalloutBlock,
  DefinitionListBlock,
  HeadingBlock,
  TableBlock,
} from '@groundwork/content';
import { headingAnchor, useDocumentContext } from './document-context.js';
import { structure } from '../tagging/structure-tag.js';
import { InlineContent } from './inline-content.js';
import { keyed } from './keyed.js';
import { PageMark } from './page-marker.js';
import { AcknowledgementView, CheckboxesView, FieldsView, SignatureView } from './form-blocks.js';
import { FlowBlocks } from './flow-blocks.js';
import { ListView } from './list-view.js';
import { Table } from './table.js';
import { useTheme } from './theme-context.js';
import { BODY_SIZE, Heading, Paragraph } from './typography.js';

/** A boxed note in the tone's colour (info, warning, urgent). */
export function CalloutView({ block }: { block: CalloutBlock }) {
  const theme = useTheme();
  const tone = theme.colours[block.tone];
  const tint = { info: '#EEF3FA', warning: '#FDF5EA', urgent: '#FCEEEE' }[block.tone];
  return (
    <View
      {...structure('Div')}
      style={{
        marginVertical: 6,
        paddingVertical: 8,
        paddingHorizontal: 10,
        backgroundColor: tint,
        borderLeftWidth: 3.5,
        borderLeftColor: tone,
      }}
    >
      {block.title ? (
        <Text
          {...structure('P')}
          hyphenationCallback={theme.hyphenate}
          style={{
            fontSize: BODY_SIZE,
            lineHeight: 1.3,
            fontWeight: 700,
            color: tone,
            marginBottom: 3,
          }}
        >
          {block.title}
        </Text>
      ) : null}
      <FlowBlocks blocks={block.blocks} />
    </View>
  );
}

/** A content table: header row in the brand colour, cells as inline content. */
export function TableView({ block }: { block: TableBlock }) {
  // A table with empty cells is one to write in (a flow sheet or a log): give rows room for handwriting.
  const forWriting = block.rows.some((row) => row.some((cell) => cell.length === 0));
  return (
    <Table
      {...(forWriting ? { minRowHeight: 24 } : {})}
      columns={block.header.map((cell, position) => ({
        header: cell.map((inline) => (inline.type === 'text' ? inline.value : '')).join(''),
        // The first column of a writing table names the row (a timepoint): give it room.
        ...(forWriting && position === 0 ? { weight: 1.8 } : {}),
      }))}
      rows={block.rows.map((row) =>
        row.map((cell, position) => ({
          text: <InlineContent content={cell} />,
          align: block.align[position] ?? 'left',
        })),
      )}
    />
  );
}

/** Terms in bold with their definitions indented below. */
export function DefinitionListView({ block }: { block: DefinitionListBlock }) {
  const theme = useTheme();
  return (
    <View {...structure('L')} style={{ marginBottom: 7 }}>
      {keyed(block.items).map(({ key, item }) => (
        <View key={key} {...structure('LI')} wrap={false} style={{ marginBottom: 5 }}>
          <Text
            {...structure('Lbl')}
            hyphenationCallback={theme.hyphenate}
            style={{
              fontSize: BODY_SIZE,
              lineHeight: 1.35,
              fontWeight: 700,
              color: theme.colours.primary,
            }}
          >
            {item.term}
          </Text>
          <Text
            {...structure('LBody')}
            hyphenationCallback={theme.hyphenate}
            style={{
              fontSize: BODY_SIZE,
              lineHeight: 1.45,
              color: theme.colours.ink,
              marginLeft: 12,
            }}
          >
            <InlineContent content={item.definition} />
          </Text>
        </View>
      ))}
    </View>
  );
}

/**
 * A `###`/`####` heading. In a document with a table of contents, a level-3
 * heading is a link target and reports the page it lands on.
 */
export function HeadingBlockView({ block }: { block: HeadingBlock }) {
  const { markHeading } = useDocumentContext();
  const heading = (
    <Heading level={block.level}>
      <InlineContent content={block.content} />
    </Heading>
  );
  if (!markHeading || block.level !== 3) return heading;
  return (
    <View id={headingAnchor(block.id)} wrap={false} minPresenceAhead={40}>
      <PageMark anchorId={headingAnchor(block.id)} onPage={markHeading} />
      {heading}
    </View>
  );
}

/** Renders any content block; `pageBreak` starts a new page. */
export function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case 'heading':
      return <HeadingBlockView block={block} />;
    case 'paragraph':
      return (
        <Paragraph>
          <InlineContent content={block.content} />
        </Paragraph>
      );
    case 'list':
      return <ListView ordered={block.ordered} items={block.items} />;
    case 'callout':
      return <CalloutView block={block} />;
    case 'table':
      return <TableView block={block} />;
    case 'definitions':
      return <DefinitionListView block={block} />;
    case 'acknowledgement':
      return <AcknowledgementView block={block} />;
    case 'signature':
      return <SignatureView block={block} />;
    case 'fields':
      return <FieldsView block={block} />;
    case 'checkboxes':
      return <CheckboxesView block={block} />;
    case 'pageBreak':
      return <View break />;
    default:
      return null;
  }
}
