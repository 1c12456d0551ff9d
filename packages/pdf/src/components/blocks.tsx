import { Text, TextInput, View } from '@react-pdf/renderer';
import type {
  AcknowledgementBlock,
  Block,
  CalloutBlock,
  DefinitionListBlock,
  FlowBlock,
  HeadingBlock,
  ListItem,
  SignatureBlock,
  TableBlock,
} from '@groundwork/content';
import { headingAnchor, useDocumentContext } from './document-context.js';
import { InlineContent } from './inline-content.js';
import { keyed } from './keyed.js';
import { PageMark } from './page-marker.js';
import { Table } from './table.js';
import { useTheme } from './theme-context.js';
import { BODY_SIZE, Heading, Paragraph } from './typography.js';

/** A bulleted or numbered list, nested lists indented under their item. */
export function ListView({
  ordered,
  items,
  depth = 0,
}: {
  ordered: boolean;
  items: readonly ListItem[];
  depth?: number;
}) {
  const theme = useTheme();
  const bullets = ['•', '–', '·'];
  return (
    <View style={{ marginBottom: depth === 0 ? 7 : 0, marginLeft: depth === 0 ? 2 : 0 }}>
      {keyed(items).map(({ key, item, position }) => (
        <View key={key} style={{ flexDirection: 'row', marginBottom: 2.5 }}>
          <Text
            style={{
              width: ordered ? 18 : 12,
              fontSize: BODY_SIZE,
              lineHeight: 1.45,
              color: theme.colours.primary,
            }}
          >
            {ordered ? `${position + 1}.` : (bullets[depth % bullets.length] ?? '•')}
          </Text>
          <View style={{ flexGrow: 1, flexShrink: 1, flexBasis: 0 }}>
            <Text
              hyphenationCallback={theme.hyphenate}
              style={{ fontSize: BODY_SIZE, lineHeight: 1.45, color: theme.colours.ink }}
            >
              <InlineContent content={item.content} />
            </Text>
            {item.list ? (
              <ListView ordered={item.list.ordered} items={item.list.items} depth={depth + 1} />
            ) : null}
          </View>
        </View>
      ))}
    </View>
  );
}

function FlowBlocks({ blocks, size }: { blocks: readonly FlowBlock[]; size?: number }) {
  return (
    <>
      {blocks.map((block) =>
        block.type === 'paragraph' ? (
          <Paragraph key={block.id} spaceAfter={4} {...(size ? { size } : {})}>
            <InlineContent content={block.content} />
          </Paragraph>
        ) : (
          <ListView key={block.id} ordered={block.ordered} items={block.items} />
        ),
      )}
    </>
  );
}

/** A boxed note in the tone's colour (info, warning, urgent). */
export function CalloutView({ block }: { block: CalloutBlock }) {
  const theme = useTheme();
  const tone = theme.colours[block.tone];
  const tint = { info: '#EEF3FA', warning: '#FDF5EA', urgent: '#FCEEEE' }[block.tone];
  return (
    <View
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
  const theme = useTheme();
  return (
    <Table
      columns={block.header.map((cell) => ({
        header: cell.map((inline) => (inline.type === 'text' ? inline.value : '')).join(''),
      }))}
      rows={block.rows.map((row) =>
        keyed(row).map(({ key, item: cell, position }) => (
          <Text
            key={key}
            hyphenationCallback={theme.hyphenate}
            style={{
              fontSize: 9,
              lineHeight: 1.35,
              color: theme.colours.ink,
              textAlign: block.align[position] ?? 'left',
            }}
          >
            <InlineContent content={cell} />
          </Text>
        )),
      )}
    />
  );
}

/** Terms in bold with their definitions indented below. */
export function DefinitionListView({ block }: { block: DefinitionListBlock }) {
  const theme = useTheme();
  return (
    <View style={{ marginBottom: 7 }}>
      {keyed(block.items).map(({ key, item }) => (
        <View key={key} wrap={false} style={{ marginBottom: 5 }}>
          <Text
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

/** A box to write initials in; fillable when the document is. */
function InitialsBox({ name }: { name: string }) {
  const theme = useTheme();
  const { fillable } = useDocumentContext();
  return (
    <View style={{ width: 54, marginRight: 10, alignItems: 'center' }}>
      <View style={{ width: 50, height: 26, borderWidth: 1, borderColor: theme.colours.ink }}>
        {fillable ? (
          <TextInput name={name} maxLength={6} style={{ width: 48, height: 24 }} />
        ) : null}
      </View>
      <Text style={{ fontSize: 6.5, color: theme.colours.muted, marginTop: 1.5 }}>
        {theme.labels.initials}
      </Text>
    </View>
  );
}

/** A statement the patient initials, with the initials box beside it. */
export function AcknowledgementView({ block }: { block: AcknowledgementBlock }) {
  return (
    <View wrap={false} style={{ flexDirection: 'row', marginVertical: 5 }}>
      <InitialsBox name={`initials-${block.id}`} />
      <View style={{ flexGrow: 1, flexShrink: 1, flexBasis: 0 }}>
        <FlowBlocks blocks={block.blocks} />
      </View>
    </View>
  );
}

function LineField({
  label,
  name,
  value,
  weight,
}: {
  label: string;
  name: string;
  value?: string;
  weight: number;
}) {
  const theme = useTheme();
  const { fillable } = useDocumentContext();
  return (
    <View style={{ flexGrow: weight, flexBasis: 0, marginRight: 14 }}>
      <View
        style={{
          height: 22,
          borderBottomWidth: 0.9,
          borderBottomColor: theme.colours.ink,
          justifyContent: 'flex-end',
        }}
      >
        {value ? (
          <Text hyphenationCallback={theme.hyphenate} style={{ fontSize: 10.5, marginBottom: 2 }}>
            {value}
          </Text>
        ) : fillable && name ? (
          <TextInput name={name} style={{ height: 20 }} />
        ) : null}
      </View>
      <Text style={{ fontSize: 7.5, color: theme.colours.muted, marginTop: 2 }}>{label}</Text>
    </View>
  );
}

/** Signature, printed name and date lines for each party. */
export function SignatureView({ block }: { block: SignatureBlock }) {
  const theme = useTheme();
  const { prefill } = useDocumentContext();
  return (
    <View style={{ marginTop: 10, marginBottom: 6 }}>
      {block.parties.map((party) => {
        const partyLabel = theme.labels.parties[party] ?? party;
        const isPatient = party === 'patient';
        return (
          <View key={party} wrap={false} style={{ marginBottom: 12 }}>
            <Text
              style={{
                fontSize: 9,
                fontWeight: 700,
                color: theme.colours.primary,
                marginBottom: 2,
              }}
            >
              {partyLabel}
            </Text>
            <View style={{ flexDirection: 'row' }}>
              <LineField label={theme.labels.signature} name="" weight={3} />
              <LineField
                label={theme.labels.date}
                name={`${party}-date-${block.id}`}
                weight={1.3}
                {...(prefill.date ? { value: prefill.date } : {})}
              />
            </View>
            <View style={{ flexDirection: 'row', marginTop: 6 }}>
              <LineField
                label={theme.labels.printedName}
                name={`${party}-name-${block.id}`}
                weight={3}
                {...(isPatient && prefill.patientName ? { value: prefill.patientName } : {})}
              />
              <View style={{ flexGrow: 1.3, flexBasis: 0, marginRight: 14 }} />
            </View>
          </View>
        );
      })}
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
    case 'pageBreak':
      return <View break />;
    default:
      return null;
  }
}
