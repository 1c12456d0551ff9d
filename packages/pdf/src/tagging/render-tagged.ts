import layoutDocument from '@react-pdf/layout';
import renderPdf from '@react-pdf/render';
import { Font } from '@react-pdf/renderer';
import PDFDocument from 'pdfkit';
import { type LayoutNode, instrumentLayout } from './instrument-layout.js';
import { Tagger, type TaggingDocument } from './tagger.js';
import { accessibilityXmp } from './xmp.js';

/** The props of react-pdf's `<Document>` this renderer reads (the ones react-pdf itself turns into pdfkit options). */
interface DocumentProps {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator?: string;
  producer?: string;
  language?: string;
  pageMode?: string;
  pageLayout?: string;
  conformance?: string;
  creationDate?: Date;
}

/** pdfkit internals the tagged renderer adjusts, beyond the structure API. */
interface PdfkitInternals extends TaggingDocument {
  _root: { data: Record<string, unknown> };
  info: Record<string, unknown>;
  annotate(x: number, y: number, w: number, h: number, options: Record<string, unknown>): unknown;
  appendXML(xml: string, newline?: boolean): void;
  _addInfo(): void;
  end(): void;
  on(event: string, listener: (chunk: Buffer) => void): unknown;
}

/**
 * Lays out and writes a react-pdf document as a tagged PDF (PDF/UA-1): the
 * same layout and drawing as `pdf(element).toBuffer()` (react-pdf's own
 * layout and render packages, at the versions @react-pdf/renderer uses),
 * into a pdfkit document of our own whose structure tree {@link Tagger}
 * builds while it draws. With `conformance` PDF/A-2b on the Document it
 * claims PDF/A-2a, which a tagged file meets.
 */
export async function renderTagged(container: { document: unknown }): Promise<Buffer> {
  const root = container.document as LayoutNode;
  const props = (root.props ?? {}) as DocumentProps;
  const lang = props.language ?? 'en';
  const pdfa = Boolean(props.conformance?.startsWith('PDF/A'));
  const doc = new PDFDocument({
    compress: true,
    ...(pdfa ? { subset: 'PDF/A-2a' } : {}),
    pdfVersion: '1.7',
    lang,
    tagged: true,
    displayTitle: true,
    autoFirstPage: false,
    ...(props.pageLayout ? { pageLayout: props.pageLayout } : {}),
    info: withoutEmpty({
      Title: props.title,
      Author: props.author,
      Subject: props.subject,
      Keywords: props.keywords,
      Creator: props.creator ?? 'react-pdf',
      Producer: props.producer ?? 'react-pdf',
      CreationDate: props.creationDate ?? new Date(),
    }),
  } as PDFKit.PDFDocumentOptions) as unknown as PdfkitInternals;
  if (props.pageMode) {
    doc._root.data.PageMode = props.pageMode.charAt(0).toUpperCase() + props.pageMode.slice(1);
  }

  // react-pdf calls it with its font store too (its typings omit the second parameter).
  const layOut = layoutDocument as unknown as (
    document: unknown,
    fonts: unknown,
  ) => Promise<unknown>;
  const layout = (await layOut(container.document, Font)) as LayoutNode;
  const tagger = new Tagger(doc, lang);
  instrumentLayout(layout, tagger);

  const annotate = doc.annotate.bind(doc);
  doc.annotate = (x, y, w, h, options) => {
    if (options.Subtype === 'Link') {
      const link = tagger.linkAnnotation();
      if (link) {
        return annotate(x, y, w, h, {
          ...options,
          structParent: link.element,
          Contents: new String(link.contents),
        });
      }
    }
    if (options.Subtype === 'Widget') {
      const widget = tagger.widgetAnnotation();
      if (widget) {
        return annotate(x, y, w, h, {
          ...options,
          structParent: widget.element,
          TU: new String(widget.name),
        });
      }
    }
    return annotate(x, y, w, h, options);
  };
  doc._addInfo = () => doc.appendXML(accessibilityXmp({ info: doc.info, lang, pdfa }));
  const end = doc.end.bind(doc);
  doc.end = () => {
    tagger.finish();
    end();
  };

  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    (doc as unknown as NodeJS.EventEmitter).on('error', reject);
  });
  renderPdf(doc as never, layout as never);
  return finished;
}

function withoutEmpty(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value != null));
}
