import type {
  AcknowledgementBlock,
  CheckboxesBlock,
  FieldsBlock,
  SignatureBlock,
} from '@groundwork/content';
import { Text, TextInput, View } from '@react-pdf/renderer';
import { structure } from '../tagging/structure-tag.js';
import { FlowBlocks } from './flow-blocks.js';
import { InlineContent, inlineText } from './inline-content.js';
import { keyed } from './keyed.js';
import { useDocumentContext } from './document-context.js';
import { useTheme } from './theme-context.js';

/** A box to write initials in, labelled with who initials it; fillable when the document is. `label` names the field for screen readers. */
function InitialsBox({
  name,
  label,
  accessibleName,
}: {
  name: string;
  label: string;
  accessibleName: string;
}) {
  const theme = useTheme();
  const { fillable } = useDocumentContext();
  return (
    <View style={{ width: 54, marginRight: 10, alignItems: 'center' }}>
      <View style={{ width: 50, height: 26, borderWidth: 1, borderColor: theme.colours.ink }}>
        {fillable ? (
          <TextInput
            {...structure('Form', { alt: accessibleName })}
            name={name}
            maxLength={6}
            style={{ width: 48, height: 24 }}
          />
        ) : null}
      </View>
      <Text style={{ fontSize: 6.5, color: theme.colours.muted, marginTop: 1.5 }}>{label}</Text>
    </View>
  );
}

/** A statement someone initials (the patient unless `initialledBy` says otherwise), with the initials box beside it. */
export function AcknowledgementView({ block }: { block: AcknowledgementBlock }) {
  const theme = useTheme();
  const who =
    block.initialledBy && block.initialledBy !== 'patient'
      ? (theme.labels.initialledBy[block.initialledBy] ?? theme.labels.initials)
      : theme.labels.initials;
  return (
    <View wrap={false} style={{ flexDirection: 'row', marginVertical: 5 }}>
      <InitialsBox
        name={`initials-${block.id}`}
        label={who}
        accessibleName={`${who}: ${statementStart(block)}`}
      />
      <View style={{ flexGrow: 1, flexShrink: 1, flexBasis: 0 }}>
        <FlowBlocks blocks={block.blocks} />
      </View>
    </View>
  );
}

/** The first words of what an acknowledgement asks the patient to initial. */
function statementStart(block: AcknowledgementBlock): string {
  const first = block.blocks[0];
  const text = first?.type === 'paragraph' ? inlineText(first.content) : '';
  return text.length > 90 ? `${text.slice(0, 90).trimEnd()}…` : text;
}

/** A labelled line to write on: printed `value`, a fillable field when the document is fillable, or blank. */
export function LineField({
  label,
  name,
  value,
  weight,
  fieldName = label,
}: {
  label: string;
  /** What a screen reader announces for the fillable field (its TU); defaults to `label`. */
  fieldName?: string;
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
          <TextInput
            {...structure('Form', { alt: fieldName })}
            name={name}
            style={{ height: 20 }}
          />
        ) : null}
      </View>
      <Text style={{ fontSize: 7.5, color: theme.colours.muted, marginTop: 2 }}>{label}</Text>
    </View>
  );
}

/** Signature, printed name and date lines for each party; a given date is printed only on the lines of `prefillDate` parties. */
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
                fieldName={`${partyLabel}: ${theme.labels.date}`}
                name={`${party}-date-${block.id}`}
                weight={1.3}
                {...(prefill.date && block.prefillDate?.includes(party)
                  ? { value: prefill.date }
                  : {})}
              />
            </View>
            <View style={{ flexDirection: 'row', marginTop: 6 }}>
              <LineField
                label={theme.labels.printedName}
                fieldName={`${partyLabel}: ${theme.labels.printedName}`}
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

/** Labelled blank lines to write on, two to a row; fillable when the document is. */
export function FieldsView({ block }: { block: FieldsBlock }) {
  const fields = block.items.map((item, index) => ({
    label: item.label,
    name: `field-${block.id}-${index + 1}`,
  }));
  const rows: (typeof fields)[] = [];
  for (let index = 0; index < fields.length; index += 2) rows.push(fields.slice(index, index + 2));
  return (
    <View style={{ marginTop: 2, marginBottom: 8 }}>
      {keyed(rows).map(({ key, item: row }) => (
        <View key={key} wrap={false} style={{ flexDirection: 'row', marginBottom: 6 }}>
          {row.map((field) => (
            <LineField key={field.name} label={field.label} name={field.name} weight={1} />
          ))}
          {row.length === 1 ? (
            <View style={{ flexGrow: 1, flexBasis: 0, marginRight: 14 }} />
          ) : null}
        </View>
      ))}
    </View>
  );
}

/** Statements with an empty box to tick beside each. */
export function CheckboxesView({ block }: { block: CheckboxesBlock }) {
  const theme = useTheme();
  return (
    <View style={{ marginTop: 2, marginBottom: 8 }}>
      {keyed(block.items).map(({ key, item }) => (
        <View key={key} wrap={false} style={{ flexDirection: 'row', marginBottom: 5 }}>
          <View
            style={{
              width: 11,
              height: 11,
              marginTop: 1,
              marginRight: 8,
              borderWidth: 0.9,
              borderColor: theme.colours.ink,
            }}
          />
          <Text
            hyphenationCallback={theme.hyphenate}
            style={{
              flexGrow: 1,
              flexShrink: 1,
              flexBasis: 0,
              fontSize: 10.5,
              lineHeight: 1.4,
              color: theme.colours.ink,
            }}
          >
            <InlineContent content={item} />
          </Text>
        </View>
      ))}
    </View>
  );
}
