import type { Document } from '@groundwork/content';
import type { Theme } from '../theme.js';
import { ContentDocumentShell } from './document-shell.js';
import { ClinicalStatement, Letterhead } from './page-chrome.js';
import { ReferencesList } from './references-list.js';
import { SectionView } from './section-view.js';
import { Heading, Paragraph } from './typography.js';

/** The body shared by handouts and consent forms: letterhead, title, summary, sections, clinical statement and sources. */
export function ShortDocumentBody({
  document,
  beforeSections,
  reviewLine,
}: {
  document: Document;
  beforeSections?: React.ReactNode;
  reviewLine?: string | undefined;
}) {
  return (
    <>
      <Letterhead />
      <Heading level={1}>{document.title}</Heading>
      <Paragraph size={11.5} muted>
        {document.summary}
      </Paragraph>
      {beforeSections}
      {document.sections.map((section) => (
        <SectionView key={section.id} section={section} />
      ))}
      <ClinicalStatement
        version={document.version}
        reviewedAt={document.reviewedAt}
        reviewer={document.reviewer}
        reviewLine={reviewLine}
        disclaimer={document.disclaimer}
      />
      <ReferencesList references={document.references} compact />
    </>
  );
}

/** A branded patient handout as a react-pdf `<Document>`; placeholders should already be filled. */
export function HandoutDocument({
  document,
  theme,
  pdfa = false,
  reviewLine,
}: {
  document: Document;
  theme: Theme;
  pdfa?: boolean;
  reviewLine?: string | undefined;
}) {
  return (
    <ContentDocumentShell document={document} theme={theme} pdfa={pdfa}>
      <ShortDocumentBody document={document} reviewLine={reviewLine} />
    </ContentDocumentShell>
  );
}
