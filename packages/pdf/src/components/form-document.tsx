import type { Document } from '@groundwork/content';
import type { Theme } from '../theme.js';
import { RoutesLine } from './consent-document.js';
import { ContentDocumentShell } from './document-shell.js';
import { ShortDocumentBody } from './handout-document.js';

/** A practice form (flow sheet, checklist, log) as a react-pdf `<Document>`: lines, boxes and writing rows, optionally fillable. */
export function FormDocument({
  document,
  theme,
  fillable,
  pdfa = false,
  reviewLine,
}: {
  document: Document;
  theme: Theme;
  fillable: boolean;
  pdfa?: boolean;
  reviewLine?: string | undefined;
}) {
  return (
    <ContentDocumentShell document={document} theme={theme} pdfa={pdfa} context={{ fillable }}>
      <ShortDocumentBody
        document={document}
        reviewLine={reviewLine}
        beforeSections={<RoutesLine document={document} />}
      />
    </ContentDocumentShell>
  );
}
