import type { StructureRole, StructureTag } from './structure-tag.js';

/** A structure element as pdfkit builds it (`doc.struct`). */
export interface PdfStructureElement {
  dictionary: { data: Record<string, unknown> };
  add(child: PdfStructureElement | PdfStructureContent): PdfStructureElement;
  end(): void;
  _ended: boolean;
}

/** A marked-content sequence pdfkit numbered (an MCID on one page). */
export type PdfStructureContent = object;

/** The part of pdfkit's document the tagger drives: its structure and marked-content API. */
export interface TaggingDocument {
  struct(type: string, options?: Record<string, unknown>): PdfStructureElement;
  addStructure(element: PdfStructureElement): unknown;
  markStructureContent(tag: string, options?: { actual?: string }): PdfStructureContent;
  markContent(tag: string, options?: Record<string, unknown>): unknown;
  endMarkedContent(): unknown;
  getStructTreeRoot(): { data: Record<string, unknown> };
  page: { dictionary: { data: Record<string, unknown> } };
}

/** The inline parts of a text run that get their own element. */
export interface RunTag {
  /** The run's link target (`#anchor` for a place in the document). */
  link?: string | null;
  lang?: string | undefined;
  /** The run's text, for a link annotation's Contents. */
  text: string;
  /** What the run says when it differs from what it draws (a word broken by a hyphen). */
  actualText?: string;
}

/** One level of the structure the renderer is inside: a role, or nothing of its own (transparent). */
interface Frame {
  role: StructureRole | null;
  parent: Frame | null;
  key: object | null;
  index: number;
  options: Record<string, unknown>;
  id?: string;
  /** Accessible name: a form field's TU, a link annotation's Contents. */
  name?: string;
  element?: PdfStructureElement;
}

/** Elements that hold text directly; a Text inside anything else becomes a paragraph. */
const INLINE_HOSTS = new Set<StructureRole>([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'Lbl',
  'LBody',
  'TH',
  'TD',
  'TOCI',
  'Link',
  'Reference',
  'Note',
  'Span',
  'Form',
  'Figure',
]);

/** Roles a link inside running text gets: citations point at a source in the reference list. */
function inlineRoles(run: RunTag, documentLang: string): { role: StructureRole; lang?: string }[] {
  const lang = run.lang && run.lang !== documentLang ? run.lang : undefined;
  if (run.link) {
    const link = { role: 'Link' as const, ...(lang ? { lang } : {}) };
    return run.link.startsWith(CITATION_PREFIX) ? [{ role: 'Reference' }, link] : [link];
  }
  return lang ? [{ role: 'Span', lang }] : [];
}

/** Anchors of reference-list entries start with this (see components/document-context.ts). */
export const CITATION_PREFIX = '#ref-';

/**
 * Builds the structure tree while react-pdf draws: instrument-layout.ts calls
 * it as each laid-out node starts and ends and as each text run is drawn, and
 * it opens and closes marked-content sequences on the page, each attached to
 * the element it belongs to, with anything else marked as an artifact.
 * Elements are created on first content, so an empty box leaves no element;
 * a node split across pages (same props object) keeps one element.
 */
export class Tagger {
  private readonly root: Frame;
  private top: Frame;
  private readonly pushed: number[] = [];
  private readonly elements = new Map<object, PdfStructureElement[]>();
  private readonly ids = new Map<string, PdfStructureElement>();
  private leaf: PdfStructureElement | 'artifact' | 'replaced' | null = null;
  /** Inside a furniture subtree: a repeated table header shares its text runs (and their hooks) with the original. */
  private inArtifact = false;
  private inline: { key: string; elements: PdfStructureElement[]; name: string } | null = null;

  constructor(
    private readonly doc: TaggingDocument,
    private readonly documentLang: string,
  ) {
    const element = doc.struct('Document');
    doc.addStructure(element);
    this.root = { role: 'Document', parent: null, key: null, index: 0, options: {}, element };
    this.top = this.root;
  }

  /** A page has been added: its annotations are visited in structure order (PDF/UA 7.18.3). */
  beginPage(): void {
    this.doc.page.dictionary.data.Tabs = 'S';
    this.top = this.root;
  }

  /** The page is done: nothing stays open across a page boundary. */
  endPage(): void {
    this.endInline();
    this.closeLeaf();
    this.top = this.root;
    this.pushed.length = 0;
  }

  /**
   * A laid-out node starts. `key` identifies it across pages (its props);
   * a Text without a tag becomes a paragraph unless it sits in an element
   * that holds text; `decorated` opens an artifact for the node's own
   * background and borders; `content` opens the element's content at once
   * (an image).
   */
  beginNode(
    key: object,
    tag: StructureTag | undefined,
    { text = false, decorated = false, content = false } = {},
  ): void {
    this.endInline();
    let count = 0;
    const roles = tag && tag.roles !== 'Artifact' ? tag.roles : [];
    roles.forEach((role, index) => {
      const innermost = index === roles.length - 1;
      this.push({
        role,
        key,
        index,
        options: innermost ? elementOptions(tag, this.documentLang) : {},
        ...(innermost && tag?.id ? { id: tag.id } : {}),
        ...(innermost && tag?.alt ? { name: tag.alt } : {}),
      });
      count += 1;
    });
    if (count === 0 && text && !(this.top.role && INLINE_HOSTS.has(this.top.role))) {
      this.push({ role: 'P', key, index: 0, options: {} });
      count = 1;
    }
    this.pushed.push(count);
    if (decorated) this.openArtifact('Layout');
    if (content) this.openContent(this.materialise(this.top));
  }

  /** The node that began last ends; `final` when it does not continue on a later page. */
  endNode(final: boolean): void {
    this.endInline();
    this.closeLeaf();
    const count = this.pushed.pop() ?? 0;
    let outermost: Frame | null = null;
    for (let index = 0; index < count && this.top.parent; index += 1) {
      outermost = this.top;
      this.top = this.top.parent;
    }
    if (final && outermost?.element && !outermost.element._ended) outermost.element.end();
  }

  /** A text run of the current Text is about to be drawn. */
  runContent(run: RunTag): void {
    if (this.inArtifact) return;
    const host = this.materialise(this.top);
    const roles = inlineRoles(run, this.documentLang);
    const key = roles.length ? `${run.link ?? ''}|${run.lang ?? ''}` : '';
    if (this.inline && this.inline.key === key) {
      this.inline.name = run.text;
      this.openContent(this.inline.elements.at(-1) ?? host, run.actualText);
      return;
    }
    this.endInline();
    if (roles.length === 0) {
      this.openContent(host, run.actualText);
      return;
    }
    const elements: PdfStructureElement[] = [];
    let parent = host;
    for (const { role, lang } of roles) {
      const element = this.doc.struct(role, lang ? { lang } : {});
      parent.add(element);
      elements.push(element);
      parent = element;
    }
    this.inline = { key, elements, name: run.text };
    this.openContent(parent, run.actualText);
  }

  /** A whole subtree of page furniture starts (running footer, decoration). */
  beginArtifact(kind: 'Pagination' | 'Layout'): void {
    this.endInline();
    this.openArtifact(kind);
    this.inArtifact = true;
  }

  /** The furniture subtree ends. */
  endArtifact(): void {
    this.closeLeaf();
    this.inArtifact = false;
  }

  /** The element a link annotation about to be written belongs to, with its description. */
  linkAnnotation(): { element: PdfStructureElement; contents: string } | null {
    const inline = this.inline;
    const link = inline?.elements.at(-1);
    if (inline && link?.dictionary.data.S === 'Link')
      return { element: link, contents: inline.name };
    if (this.top.role === 'Link')
      return { element: this.materialise(this.top), contents: this.top.name ?? '' };
    return null;
  }

  /** The Form element a widget annotation about to be written belongs to, with the field's accessible name. */
  widgetAnnotation(): { element: PdfStructureElement; name: string } | null {
    if (this.top.role !== 'Form') return null;
    return { element: this.materialise(this.top), name: this.top.name ?? '' };
  }

  /** Ends the structure tree and records element ids (Note) in the IDTree; call before the document ends. */
  finish(): void {
    this.endInline();
    this.closeLeaf();
    const root = this.root.element;
    root?.end();
    if (this.ids.size > 0) {
      const names = [...this.ids.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      this.doc.getStructTreeRoot().data.IDTree = {
        Names: names.flatMap(([id, element]) => [new String(id), element.dictionary]),
      };
    }
  }

  private push(frame: Omit<Frame, 'parent'>): void {
    this.top = { ...frame, parent: this.top };
  }

  /** The element of a frame (of its nearest frame with a role), created and attached on first use. */
  private materialise(frame: Frame): PdfStructureElement {
    if (frame.element) return frame.element;
    if (!frame.role || !frame.parent) return this.materialise(frame.parent ?? this.root);
    const parent = this.materialise(frame.parent);
    const known = frame.key ? this.elements.get(frame.key)?.[frame.index] : undefined;
    if (known && !known._ended) {
      frame.element = known;
      return known;
    }
    const element = this.doc.struct(frame.role, frame.options);
    if (frame.id && !this.ids.has(frame.id)) {
      element.dictionary.data.ID = new String(frame.id);
      this.ids.set(frame.id, element);
    }
    parent.add(element);
    if (frame.key) {
      const list = this.elements.get(frame.key) ?? [];
      list[frame.index] = element;
      this.elements.set(frame.key, list);
    }
    frame.element = element;
    return element;
  }

  /**
   * Makes `element` the owner of what is drawn next. With `actualText` the
   * sequence is its own Span-tagged one carrying that text (pdfkit writes
   * ActualText only on Span), ended before anything else is drawn.
   */
  private openContent(element: PdfStructureElement, actualText?: string): void {
    if (this.leaf === element && actualText === undefined) return;
    this.closeLeaf();
    const tag = actualText === undefined ? String(element.dictionary.data.S) : 'Span';
    element.add(
      this.doc.markStructureContent(tag, actualText === undefined ? {} : { actual: actualText }),
    );
    this.leaf = actualText === undefined ? element : 'replaced';
  }

  private openArtifact(kind: 'Pagination' | 'Layout'): void {
    this.closeLeaf();
    this.doc.markContent('Artifact', { type: kind });
    this.leaf = 'artifact';
  }

  private closeLeaf(): void {
    if (!this.leaf) return;
    this.doc.endMarkedContent();
    this.leaf = null;
  }

  private endInline(): void {
    if (!this.inline) return;
    this.closeLeaf();
    this.inline.elements[0]?.end();
    this.inline = null;
  }
}

/** pdfkit struct options for a tag: language when it differs, alternative text, header scope. */
function elementOptions(
  tag: StructureTag | undefined,
  documentLang: string,
): Record<string, unknown> {
  if (!tag) return {};
  return {
    ...(tag.lang && tag.lang !== documentLang ? { lang: tag.lang } : {}),
    ...(tag.alt && tag.roles !== 'Artifact' && tag.roles.includes('Figure')
      ? { alt: tag.alt }
      : {}),
    ...(tag.scope ? { scope: tag.scope } : {}),
  };
}
