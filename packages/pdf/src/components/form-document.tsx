import type { Document } from '@groundwork/content';
import type { Theme } from '../theme.js';
import { RoutesLine } from './consent-document.js';
import { DocumentContextProvider, type DocumentContextValue } from './document-context.js';
import { DocumentShell } from './document-shell.js';
import { citationNumbers, ShortDocumentBody } from './handout-document.js';

/** A practice form (flow sheet, checklist, log) as a react-pdf `<Document>`: lines, boxes and writing rows, optionally fillable. */
export function FormDocument({
  document,
  theme,
  fillable,
  pdfa = false,
}: {
  document: Document;
  theme: Theme;
  fillable: boolean;
  pdfa?: boolean;
}) {
  const context: DocumentContextValue = {
    citationNumbers: citationNumbers(document),
    linkCitations: true,
    fillable,
    prefill: {},
  };
  return (
    <DocumentShell
      theme={theme}
      pdfa={pdfa}
      metadata={{
        title: document.title,
        subject: document.summary,
        keywords: `${document.kind}, ${document.id}, ${document.version}`,
      }}
      footerTitle={document.title}
    >
      <DocumentContextProvider value={context}>
        <ShortDocumentBody
          document={document}
          beforeSections={<RoutesLine document={document} />}
        />
      </DocumentContextProvider>
    </DocumentShell>
  );
}
