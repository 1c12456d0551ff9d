import { View } from '@react-pdf/renderer';
import type { Document } from '@groundwork/content';
import type { Theme } from '../theme.js';
import { ContentDocumentShell } from './document-shell.js';
import { LineField } from './form-blocks.js';
import { ShortDocumentBody } from './handout-document.js';
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
  return (
    <View wrap={false} style={{ flexDirection: 'row', marginBottom: 12 }}>
      <LineField
        label={`${theme.labels.parties.patient ?? 'Patient'} (${theme.labels.printedName.toLowerCase()})`}
        name="patient-name"
        {...(fields.patientName ? { value: fields.patientName } : {})}
        weight={3}
      />
      <LineField
        label={theme.labels.date}
        name="form-date"
        {...(fields.date ? { value: fields.date } : {})}
        weight={1.3}
      />
    </View>
  );
}

/** "Routes covered: …" when the document is a route variant. */
export function RoutesLine({ document }: { document: Document }) {
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
  reviewLine,
}: {
  document: Document;
  theme: Theme;
  fields: ConsentFields;
  pdfa?: boolean;
  reviewLine?: string | undefined;
}) {
  return (
    <ContentDocumentShell
      document={document}
      theme={theme}
      pdfa={pdfa}
      context={{
        fillable: fields.fillable,
        prefill: {
          ...(fields.patientName ? { patientName: fields.patientName } : {}),
          ...(fields.date ? { date: fields.date } : {}),
        },
      }}
    >
      <ShortDocumentBody
        document={document}
        reviewLine={reviewLine}
        beforeSections={
          <>
            <RoutesLine document={document} />
            <PatientLine fields={fields} />
          </>
        }
      />
    </ContentDocumentShell>
  );
}
