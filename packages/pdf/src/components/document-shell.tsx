import type { Document as ContentDocument } from '@groundwork/content';
import { Document, Page } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import type { Theme } from '../theme.js';
import { DocumentContextProvider, type DocumentContextValue } from './document-context.js';
import { PAGE_PADDING, RunningFooter, TopBand } from './page-chrome.js';
import { ThemeProvider } from './theme-context.js';

/** PDF metadata written to the document information dictionary (and XMP for PDF/A). */
export interface DocumentMetadata {
  title: string;
  subject?: string;
  keywords?: string;
}

/** Page size names react-pdf understands, by paper. */
const PAGE_SIZE = { LETTER: 'LETTER', A4: 'A4' } as const;

/**
 * The frame every Groundwork PDF shares: metadata (title, author = practice,
 * subject, language), paper size, margins, brand band and running footer.
 * `pdfa` asks the writer for PDF/A-2b (XMP metadata, sRGB output intent).
 */
export function DocumentShell({
  theme,
  metadata,
  pdfa = false,
  footerTitle,
  children,
}: {
  theme: Theme;
  metadata: DocumentMetadata;
  pdfa?: boolean;
  footerTitle?: string;
  children: ReactNode;
}) {
  return (
    <ThemeProvider value={theme}>
      <Document
        title={metadata.title}
        author={theme.brandKit.practice.name}
        subject={metadata.subject ?? metadata.title}
        keywords={metadata.keywords ?? 'Groundwork'}
        creator="Groundwork (@groundwork/pdf)"
        producer="Groundwork (@groundwork/pdf, react-pdf)"
        language={theme.locale}
        pageMode="useOutlines"
        {...(pdfa ? { conformance: 'PDF/A-2b' as const } : {})}
      >
        <Page
          size={PAGE_SIZE[theme.paper]}
          experimentalPagination
          style={{
            fontFamily: theme.fontFamily,
            ...(theme.fontFeatures ? { fontFeatureSettings: theme.fontFeatures } : {}),
            fontSize: 10.5,
            color: theme.colours.ink,
            paddingTop: PAGE_PADDING.top,
            paddingBottom: PAGE_PADDING.bottom,
            paddingHorizontal: PAGE_PADDING.horizontal,
          }}
        >
          {/* Fixed chrome goes first: the paginator repeats fixed nodes from where they appear onward. */}
          <TopBand />
          <RunningFooter {...(footerTitle ? { title: footerTitle } : {})} />
          {children}
        </Page>
      </Document>
    </ThemeProvider>
  );
}

/** Citation numbers for a document: its references in order of first citation. */
export function citationNumbers(document: ContentDocument): Map<string, number> {
  return new Map(document.references.map((reference, index) => [reference.id, index + 1]));
}

/**
 * {@link DocumentShell} for a content-library document: metadata and footer
 * from the document, and a document context with its citation numbers
 * (citations link to the printed reference list). `context` overrides or adds
 * to the defaults (fillable fields, pre-filled values, heading marks).
 */
export function ContentDocumentShell({
  document,
  theme,
  pdfa = false,
  context,
  children,
}: {
  document: ContentDocument;
  theme: Theme;
  pdfa?: boolean;
  context?: Partial<DocumentContextValue>;
  children: ReactNode;
}) {
  const value: DocumentContextValue = {
    citationNumbers: citationNumbers(document),
    linkCitations: true,
    fillable: false,
    prefill: {},
    ...context,
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
      <DocumentContextProvider value={value}>{children}</DocumentContextProvider>
    </DocumentShell>
  );
}
