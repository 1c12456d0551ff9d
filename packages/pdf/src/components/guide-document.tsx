import type { Document } from '@groundwork/content';
import { Link, Text, View } from '@react-pdf/renderer';
import type { Theme } from '../theme.js';
import { structure } from '../tagging/structure-tag.js';
import { BlockView } from './blocks.js';
import { BookmarkView } from './bookmark-view.js';
import { headingAnchor, sectionAnchor } from './document-context.js';
import { ContentDocumentShell } from './document-shell.js';
import { inlineText } from './inline-content.js';
import { ClinicalStatement } from './page-chrome.js';
import type { PageMarker } from './page-marker.js';
import { PracticeLogo } from './practice-logo.js';
import { ReferencesList } from './references-list.js';
import { SectionView } from './section-view.js';
import { useTheme } from './theme-context.js';
import { Heading, Paragraph } from './typography.js';

/**
 * Where each contents anchor (chapter or level-3 heading) lands, filled in
 * while react-pdf paginates. Pagination runs before the final pass that draws
 * page numbers, so the table of contents reads real pages without a second render.
 */
export class PageRegistry {
  private readonly pages = new Map<string, number>();

  /** Records the page an anchor landed on (the last call wins). */
  readonly mark: PageMarker = (anchorId, pageNumber) => {
    this.pages.set(anchorId, pageNumber);
  };

  /** The page an anchor is on, once known. */
  pageOf(anchorId: string): number | undefined {
    return this.pages.get(anchorId);
  }
}

/** One line of a table of contents: a chapter (level 2) or a heading inside it (level 3). */
export interface ContentsEntry {
  /** Section id for chapters, block id for headings. */
  id: string;
  /** Link and page-mark anchor. */
  anchor: string;
  title: string;
  level: 2 | 3;
}

/** The contents of a long document: each titled section and the level-3 headings inside it. */
export function contentsEntries(document: Document): ContentsEntry[] {
  return document.sections.flatMap((section) =>
    section.title
      ? [
          {
            id: section.id,
            anchor: sectionAnchor(section.id),
            title: section.title,
            level: 2 as const,
          },
          ...section.blocks.flatMap((block) =>
            block.type === 'heading' && block.level === 3
              ? [
                  {
                    id: block.id,
                    anchor: headingAnchor(block.id),
                    title: inlineText(block.content),
                    level: 3 as const,
                  },
                ]
              : [],
          ),
        ]
      : [],
  );
}

function TitlePage({ document }: { document: Document }) {
  const theme = useTheme();
  const intro = document.sections.filter((section) => !section.title);
  return (
    <View style={{ paddingTop: 96 }}>
      {/* A co-branded guide carries the practice's logo above its name. */}
      <PracticeLogo box={{ width: 200, height: 72 }} marginBottom={14} />
      <Text
        {...structure('P')}
        style={{ fontSize: 10, letterSpacing: 1.5, color: theme.colours.accent, marginBottom: 10 }}
      >
        {theme.brandKit.practice.name.toUpperCase()}
      </Text>
      <Text
        {...structure('H1')}
        hyphenationCallback={theme.hyphenate}
        style={{
          fontSize: 34,
          lineHeight: 1.1,
          fontWeight: 700,
          color: theme.colours.primary,
          marginBottom: 18,
        }}
      >
        {document.title}
      </Text>
      <Paragraph size={13}>{document.summary}</Paragraph>
      <View
        style={{
          height: 2,
          width: 80,
          backgroundColor: theme.colours.accentRaw,
          marginVertical: 20,
        }}
      />
      {intro.flatMap((section) =>
        section.blocks.map((block) => <BlockView key={block.id} block={block} />),
      )}
      <ClinicalStatement
        version={document.version}
        reviewedAt={document.reviewedAt}
        reviewer={document.reviewer}
        disclaimer={document.disclaimer}
      />
    </View>
  );
}

function ContentsLine({ entry, registry }: { entry: ContentsEntry; registry: PageRegistry }) {
  const theme = useTheme();
  const chapter = entry.level === 2;
  const size = chapter ? 10.5 : 9.5;
  return (
    <Link
      {...structure(['TOCI', 'Reference', 'Link'])}
      src={`#${entry.anchor}`}
      style={{
        flexDirection: 'row',
        alignItems: 'flex-end',
        marginTop: chapter ? 7 : 0,
        marginBottom: 2.5,
        marginLeft: chapter ? 0 : 14,
        textDecoration: 'none',
      }}
    >
      <Text
        hyphenationCallback={theme.hyphenate}
        style={{
          fontSize: size,
          lineHeight: 1.3,
          fontWeight: chapter ? 700 : 400,
          color: chapter ? theme.colours.primary : theme.colours.ink,
          flexShrink: 1,
        }}
      >
        {entry.title}
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
        // Its own fontFamily: text only known at layout time gets the whole stack.
        style={{
          width: 24,
          fontSize: size,
          textAlign: 'right',
          color: theme.colours.primary,
          fontFamily: theme.fullFontFamily,
        }}
        render={() => String(registry.pageOf(entry.anchor) ?? '')}
      />
    </Link>
  );
}

function TableOfContents({ document, registry }: { document: Document; registry: PageRegistry }) {
  const theme = useTheme();
  return (
    <BookmarkView break bookmark={{ title: theme.labels.contents, fit: true }}>
      {/* Looks like the title, sits under it in the outline. */}
      <Heading level={1} structureRole="H2">
        {theme.labels.contents}
      </Heading>
      <View {...structure('TOC')}>
        {contentsEntries(document).map((entry) => (
          <ContentsLine key={entry.anchor} entry={entry} registry={registry} />
        ))}
      </View>
    </BookmarkView>
  );
}

/**
 * The Psychedelic Basics guide as a react-pdf `<Document>`: title page with
 * the clinical statement, contents with real page numbers and links (chapters
 * and their headings), each chapter on a new page with a PDF bookmark,
 * numbered citations linked to the reference list.
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
  return (
    <ContentDocumentShell
      document={document}
      theme={theme}
      pdfa={pdfa}
      context={{ markHeading: registry.mark }}
    >
      <TitlePage document={document} />
      <TableOfContents document={document} registry={registry} />
      {document.sections
        .filter((section) => section.title)
        .map((section) => (
          <SectionView key={section.id} section={section} bookmark newPage onPage={registry.mark} />
        ))}
      <ReferencesList
        references={document.references}
        title={
          document.sections.some((section) => section.id === 'references')
            ? null
            : theme.labels.references
        }
      />
      <ClinicalStatement
        version={document.version}
        reviewedAt={document.reviewedAt}
        reviewer={document.reviewer}
        disclaimer={document.disclaimer}
      />
    </ContentDocumentShell>
  );
}
