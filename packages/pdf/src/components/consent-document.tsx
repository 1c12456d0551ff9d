import { Text, TextInput, View } from '@react-pdf/renderer';
import type { Document } from '@groundwork/content';
import type { Theme } from '../theme.js';
import { DocumentContextProvider, type DocumentContextValue } from './document-context.js';
import { DocumentShell } from './document-shell.js';
import { citationNumbers, ShortDocumentBody } from './handout-document.js';
import { routeLabel } from './route-labels.js';
import { useTheme } from './theme-context.js';
import { Paragraph } from './typography.js';

/** Pre-filled values and form settings for a consent form. */
export interface ConsentFields {
  /** Print this name as the patient's (otherwise a blank or fillable line). */
  patientName?: string;
  /** Print this date on the date lines (otherwise blank or fillable). */
  date?: string;
  /** Add fillable form fields (initials, names, dates). */
  fillable: boolean;
}

function PatientLine({ fields }: { fields: ConsentFields }) {
  const theme = useTheme();
  const line = (label: string, name: string, value: string | undefined, grow: number) => (
    <View style={{ flexGrow: grow, flexBasis: 0, marginRight: 14 }}>
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
        ) : fields.fillable ? (
          <TextInput name={name} style={{ height: 20 }} />
        ) : null}
      </View>
      <Text style={{ fontSize: 7.5, color: theme.colours.muted, marginTop: 2 }}>{label}</Text>
    </View>
  );
  return (
    <View wrap={false} style={{ flexDirection: 'row', marginBottom: 12 }}>
      {line(
        `${theme.labels.parties.patient ?? 'Patient'} (${theme.labels.printedName.toLowerCase()})`,
        'patient-name',
        fields.patientName,
        3,
      )}
      {line(theme.labels.date, 'form-date', fields.date, 1.3)}
    </View>
  );
}

function RoutesLine({ document }: { document: Document }) {
  const theme = useTheme();
  if (!document.variant) return null;
  return (
    <Paragraph size={9.5}>
      {`${theme.labels.variant}: ${document.variant.routes.map((route) => routeLabel(route, theme.locale)).join(', ')}`}
    </Paragraph>
  );
}

/** An informed-consent form as a react-pdf `<Document>`: route variant, initials boxes, signature blocks and optional form fields. */
export function ConsentDocument({
  document,
  theme,
  fields,
  pdfa = false,
}: {
  document: Document;
  theme: Theme;
  fields: ConsentFields;
  pdfa?: boolean;
}) {
  const context: DocumentContextValue = {
    citationNumbers: citationNumbers(document),
    linkCitations: true,
    fillable: fields.fillable,
    prefill: {
      ...(fields.patientName ? { patientName: fields.patientName } : {}),
      ...(fields.date ? { date: fields.date } : {}),
    },
  };
  return (
    <DocumentShell
      theme={theme}
      pdfa={pdfa}
      metadata={{
        title: document.title,
        subject: document.summary,
        keywords: `consent, ${document.id}, ${document.version}`,
      }}
      footerTitle={document.title}
    >
      <DocumentContextProvider value={context}>
        <ShortDocumentBody
          document={document}
          beforeSections={
            <>
              <RoutesLine document={document} />
              <PatientLine fields={fields} />
            </>
          }
        />
      </DocumentContextProvider>
    </DocumentShell>
  );
}
