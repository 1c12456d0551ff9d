import { Link, Text, View } from '@react-pdf/renderer';
import type { Document } from '@groundwork/content';
import type { Theme } from '../theme.js';
import { BookmarkView } from './bookmark-view.js';
import { DocumentContextProvider, type DocumentContextValue, sectionAnchor } from './document-context.js';
import { DocumentShell } from './document-shell.js';
import { citationNumbers } from './handout-document.js';
import { ClinicalStatement } from './page-chrome.js';
import { ReferencesList } from './references-list.js';
import { type PageMarker, SectionView } from './section-view.js';
import { useTheme } from './theme-context.js';
import { Heading, Paragraph } from './typography.js';

/**
 * Where each section of a document starts, filled in while react-pdf
 * paginates. Pagination runs before the final pass that draws page numbers,
 * so the table of contents reads real pages without a second render.
 */
export class PageRegistry {
  private readonly pages = new Map<string, number>();

  /** Records the page a section's heading landed on (the last call wins). */
  readonly mark: PageMarker = (sectionId, pageNumber) => {
    this.pages.set(sectionId, pageNumber);
  };

  /** The page a section starts on, once known. */
  pageOf(sectionId: string): number | undefined {
    return this.pages.get(sectionId);
  }

  /** Every section's start page, in insertion order. */
  entries(): [string, number][] {
    return [...this.pages];
  }
}

function TitlePage({ document }: { document: Document }) {
  const theme = useTheme();
  return (
    <View style={{ paddingTop: 120 }}>
      <Text style={{ fontSize: 10, letterSpacing: 1.5, color: theme.colours.accent, marginBottom: 10 }}>
        {theme.brandKit.practice.name.toUpperCase()}
      </Text>
      <Text
        hyphenationCallback={theme.hyphenate}
        style={{ fontSize: 34, lineHeight: 1.1, fontWeight: 700, color: theme.colours.primary, marginBottom: 18 }}
      >
        {document.title}
      </Text>
      <Paragraph size={13}>{document.summary}</Paragraph>
      <View style={{ height: 2, width: 80, backgroundColor: theme.colours.accentRaw, marginVertical: 24 }} />
      <ClinicalStatement
        version={document.version}
        reviewedAt={document.reviewedAt}
        reviewer={document.reviewer}
        disclaimer={document.disclaimer}
      />
    </View>
  );
}

function TableOfContents({ document, registry }: { document: Document; registry: PageRegistry }) {
  const theme = useTheme();
  const entries = document.sections.filter((section) => section.title);
  return (
    <BookmarkView break bookmark={{ title: theme.labels.contents, fit: true }}>
      <Heading level={1}>{theme.labels.contents}</Heading>
      {entries.map((section) => (
        <Link
          key={section.id}
          src={`#${sectionAnchor(section.id)}`}
          style={{ flexDirection: 'row', alignItems: 'flex-end', marginBottom: 3.5, textDecoration: 'none' }}
        >
          <Text
            hyphenationCallback={theme.hyphenate}
            style={{ fontSize: 10, lineHeight: 1.3, color: theme.colours.ink, flexShrink: 1 }}
          >
            {section.title}
          </Text>
          <View
            style={{
              flexGrow: 1,
              minWidth: 12,
              marginHorizontal: 4,
              marginBottom: 3,
              borderBottomWidth: 0.8,
              borderBottomColor: theme.colours.rule,
              borderBottomStyle: 'dotted',
            }}
          />
          <Text
            // No lineHeight on dynamic text: react-pdf 4.9 mis-measures it and breaks the page.
            style={{ width: 24, fontSize: 10, textAlign: 'right', color: theme.colours.primary }}
            render={() => String(registry.pageOf(section.id) ?? '')}
          />
        </Link>
      ))}
    </BookmarkView>
  );
}

/**
 * The Psychedelic Basics Guide as a react-pdf `<Document>`: title page,
 * contents with real page numbers and links, one bookmark per section,
 * numbered citations linked to the reference list, and the clinical statement.
 */
export function GuideDocument({
  document,
  theme,
  registry = new PageRegistry(),
  pdfa = false,
}: {
  document: Document;
  theme: Theme;
  registry?: PageRegistry;
  pdfa?: boolean;
}) {
  const context: DocumentContextValue = {
    citationNumbers: citationNumbers(document),
    linkCitations: true,
    fillable: false,
    prefill: {},
  };
  return (
    <DocumentShell
      theme={theme}
      pdfa={pdfa}
      metadata={{ title: document.title, subject: document.summary, keywords: `guide, ${document.id}, ${document.version}` }}
      footerTitle={document.title}
    >
      <DocumentContextProvider value={context}>
        <TitlePage document={document} />
        <TableOfContents document={document} registry={registry} />
        <View break>
          {document.sections.map((section) => (
            <SectionView key={section.id} section={section} bookmark onPage={registry.mark} />
          ))}
          <View>
            <ReferencesList
              references={document.references}
              title={document.sections.some((section) => section.id === 'references') ? null : theme.labels.references}
            />
          </View>
          <ClinicalStatement
            version={document.version}
            reviewedAt={document.reviewedAt}
            reviewer={document.reviewer}
            disclaimer={document.disclaimer}
          />
        </View>
      </DocumentContextProvider>
    </DocumentShell>
  );
}
