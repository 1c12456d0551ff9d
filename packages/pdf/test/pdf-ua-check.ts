// A checker for the PDF/UA-1 failure conditions of the Matterhorn Protocol
// (PDF Association) that a machine can decide, reading the file with pdf-lib.
// It is not a full validator (veraPDF is): it covers what our writer could
// get wrong, each failure named by its Matterhorn checkpoint.
import {
  decodePDFRawStream,
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import { paintsOutsideMarkedContent } from './content-stream.js';

/** One failed checkpoint: its Matterhorn number and what was found. */
export interface UaFailure {
  checkpoint: string;
  message: string;
}

/** A structure element as read back: role, attributes, children in order. */
export interface StructNode {
  role: string;
  alt?: string;
  id?: string;
  lang?: string;
  scope?: string;
  children: StructNode[];
  parent: StructNode | null;
}

/** Standard structure types of ISO 32000-1, 14.8.4. */
const STANDARD_TYPES = new Set(
  `Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6
  L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot
  Ruby RB RT RP Warichu WT WP Figure Formula Form`.split(/\s+/),
);

function text(value: PDFObject | undefined): string | undefined {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return undefined;
}

function name(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFName ? value.decodeText() : undefined;
}

/** Reads a PDF's structure tree and checks it, its pages, annotations, fonts and metadata. */
export async function checkPdfUa(bytes: Uint8Array): Promise<UaFailure[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const { context, catalog } = pdf;
  const failures: UaFailure[] = [];
  const fail = (checkpoint: string, message: string) => failures.push({ checkpoint, message });
  const resolve = (value: PDFObject | undefined): PDFObject | undefined =>
    value instanceof PDFRef ? context.lookup(value) : value;
  const dict = (value: PDFObject | undefined) => {
    const resolved = resolve(value);
    return resolved instanceof PDFDict
      ? resolved
      : resolved instanceof PDFStream
        ? resolved.dict
        : undefined;
  };
  const array = (value: PDFObject | undefined): PDFObject[] => {
    const resolved = resolve(value);
    return resolved instanceof PDFArray
      ? resolved.asArray()
      : resolved === undefined
        ? []
        : [resolved];
  };

  // 06: metadata. 07: title shown.
  const metadata = resolve(catalog.get(PDFName.of('Metadata')));
  const xmp =
    metadata instanceof PDFRawStream
      ? Buffer.from(decodePDFRawStream(metadata).decode()).toString('utf8')
      : '';
  if (!xmp) fail('06-001', 'no XMP metadata stream');
  else {
    if (!/<pdfuaid:part>1<\/pdfuaid:part>/.test(xmp)) fail('06-002', 'XMP lacks pdfuaid:part 1');
    if (!/<dc:title>/.test(xmp)) fail('06-003', 'XMP lacks dc:title');
  }
  const preferences = dict(catalog.get(PDFName.of('ViewerPreferences')));
  const displayTitle = preferences?.get(PDFName.of('DisplayDocTitle'));
  if (!(displayTitle instanceof PDFBool)) fail('07-001', 'no ViewerPreferences DisplayDocTitle');
  else if (!displayTitle.asBoolean()) fail('07-002', 'DisplayDocTitle is false');

  // 11: natural language (the document's; elements inherit it).
  const lang = text(catalog.get(PDFName.of('Lang')));
  if (!lang || !/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(lang))
    fail('11-001', `catalog Lang is ${JSON.stringify(lang)}`);

  // 01: tagged at all.
  const markInfo = dict(catalog.get(PDFName.of('MarkInfo')));
  if (markInfo?.get(PDFName.of('Marked')) !== PDFBool.True)
    fail('01-001', 'MarkInfo Marked is not true');
  if (markInfo?.get(PDFName.of('Suspects')) === PDFBool.True) fail('01-007', 'Suspects is true');
  const treeRoot = dict(catalog.get(PDFName.of('StructTreeRoot')));
  if (!treeRoot) fail('01-002', 'no structure tree');
  const roleMap = dict(treeRoot?.get(PDFName.of('RoleMap')));

  const { all, annotationOwner } = readTree(pdf, treeRoot, roleMap, fail);

  // 09: table, list and TOC syntax (ISO 32000-1 tables 333, 336, 337).
  const parentRole = (node: StructNode) => node.parent?.role ?? '';
  for (const node of all) {
    const where = `${node.role} in ${parentRole(node)}`;
    if (node.role === 'TR' && !['Table', 'THead', 'TBody', 'TFoot'].includes(parentRole(node)))
      fail('09-004', where);
    if ((node.role === 'TH' || node.role === 'TD') && parentRole(node) !== 'TR')
      fail('09-004', where);
    if (
      node.role === 'Table' &&
      node.children.some(
        (child) => !['TR', 'THead', 'TBody', 'TFoot', 'Caption'].includes(child.role),
      )
    )
      fail('09-004', `Table holds ${node.children.map((child) => child.role).join(', ')}`);
    if (node.role === 'LI' && parentRole(node) !== 'L') fail('09-005', where);
    if ((node.role === 'Lbl' || node.role === 'LBody') && parentRole(node) !== 'LI')
      fail('09-005', where);
    if (
      node.role === 'L' &&
      node.children.some((child) => !['L', 'LI', 'Caption'].includes(child.role))
    )
      fail('09-005', `L holds ${node.children.map((child) => child.role).join(', ')}`);
    if (node.role === 'TOCI' && parentRole(node) !== 'TOC') fail('09-006', where);
    if (
      node.role === 'TOC' &&
      node.children.some((child) => !['TOC', 'TOCI', 'Caption'].includes(child.role))
    )
      fail('09-006', `TOC holds ${node.children.map((child) => child.role).join(', ')}`);
    // 13, 15, 19: figures, header cells, notes.
    if (node.role === 'Figure' && !node.alt) fail('13-004', 'Figure without Alt');
    if (node.role === 'TH' && !node.scope) fail('15-003', 'TH without Scope');
    if (node.role === 'Note' && !node.id) fail('19-003', 'Note without ID');
  }
  const noteIds = all.filter((node) => node.role === 'Note' && node.id).map((node) => node.id);
  if (new Set(noteIds).size !== noteIds.length) fail('19-004', 'Note IDs repeat');

  // 14: headings, in document order.
  const headings = all.filter((node) => /^H[1-6]?$/.test(node.role)).map((node) => node.role);
  if (headings.includes('H') && headings.some((role) => role !== 'H'))
    fail('14-007', 'both H and H1-H6');
  const numbered = headings.filter((role) => role !== 'H').map((role) => Number(role.slice(1)));
  if (numbered.length > 0 && numbered[0] !== 1) fail('14-002', `first heading is H${numbered[0]}`);
  numbered.forEach((level, index) => {
    const previous = numbered[index - 1];
    if (previous !== undefined && level > previous + 1)
      fail('14-003', `H${level} follows H${previous}`);
  });

  // Pages: content all tagged or artifact; annotations in structure; fonts.
  const seenFonts = new Set<PDFObject>();
  pdf.getPages().forEach((page, index) => {
    const pageNumber = index + 1;
    const node = page.node;
    const contents = array(node.get(PDFName.of('Contents'))).map(resolve);
    const source = contents
      .filter((stream): stream is PDFRawStream => stream instanceof PDFRawStream)
      .map((stream) => Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1'))
      .join('\n');
    for (const problem of paintsOutsideMarkedContent(source))
      fail(problem.checkpoint, `page ${pageNumber}: ${problem.message}`);

    const annotations = array(node.get(PDFName.of('Annots')));
    if (annotations.length > 0) {
      const tabs = name(node.get(PDFName.of('Tabs')));
      if (!tabs) fail('28-008', `page ${pageNumber} has annotations and no Tabs`);
      else if (tabs !== 'S') fail('28-009', `page ${pageNumber} Tabs is ${tabs}`);
    }
    for (const reference of annotations) {
      const annotation = dict(reference);
      if (!annotation) continue;
      const subtype = name(annotation.get(PDFName.of('Subtype')));
      const owner = reference instanceof PDFRef ? annotationOwner.get(reference) : undefined;
      if (subtype === 'Link') {
        if (owner?.role !== 'Link')
          fail('28-011', `page ${pageNumber}: link annotation not in a Link element`);
        if (!text(annotation.get(PDFName.of('Contents'))))
          fail('28-012', `page ${pageNumber}: link without Contents`);
      } else if (subtype === 'Widget') {
        if (owner?.role !== 'Form')
          fail('28-010', `page ${pageNumber}: widget not in a Form element`);
        const field = dict(annotation.get(PDFName.of('Parent'))) ?? annotation;
        const tu = text(annotation.get(PDFName.of('TU'))) ?? text(field.get(PDFName.of('TU')));
        if (!tu && !owner?.alt) fail('28-005', `page ${pageNumber}: form field without TU`);
      } else if (!text(annotation.get(PDFName.of('Contents'))) && !owner?.alt) {
        fail('28-004', `page ${pageNumber}: ${subtype} annotation without Contents`);
      }
    }

    const fonts = dict(dict(node.get(PDFName.of('Resources')))?.get(PDFName.of('Font')));
    for (const [key, value] of fonts?.entries() ?? []) {
      const font = dict(value);
      if (!font || seenFonts.has(font)) continue;
      seenFonts.add(font);
      const label = `font ${key.decodeText()}`;
      const descendant = dict(array(font.get(PDFName.of('DescendantFonts')))[0]);
      const descriptor = dict((descendant ?? font).get(PDFName.of('FontDescriptor')));
      const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((file) =>
        descriptor?.has(PDFName.of(file)),
      );
      if (!embedded) fail('31-009', `${label} is not embedded`);
      if (!font.has(PDFName.of('ToUnicode'))) fail('10-001', `${label} has no ToUnicode map`);
    }
  });
  return failures;
}

/** The structure tree in document order, with annotation references (OBJR) mapped to their element. */
function readTree(
  pdf: PDFDocument,
  treeRoot: PDFDict | undefined,
  roleMap: PDFDict | undefined,
  fail: (checkpoint: string, message: string) => void,
): { all: StructNode[]; annotationOwner: Map<PDFRef, StructNode> } {
  const { context } = pdf;
  const resolve = (value: PDFObject | undefined): PDFObject | undefined =>
    value instanceof PDFRef ? context.lookup(value) : value;
  const dict = (value: PDFObject | undefined) => {
    const resolved = resolve(value);
    return resolved instanceof PDFDict ? resolved : undefined;
  };
  const array = (value: PDFObject | undefined): PDFObject[] => {
    const resolved = resolve(value);
    return resolved instanceof PDFArray
      ? resolved.asArray()
      : resolved === undefined
        ? []
        : [resolved];
  };
  const annotationOwner = new Map<PDFRef, StructNode>();
  const readElement = (
    value: PDFObject | undefined,
    parent: StructNode | null,
  ): StructNode | null => {
    const element = dict(value);
    if (!element) return null;
    const type = name(element.get(PDFName.of('Type')));
    if (type === 'OBJR' && parent) {
      const target = element.get(PDFName.of('Obj'));
      if (target instanceof PDFRef) annotationOwner.set(target, parent);
      return null;
    }
    if (type === 'MCR') return null;
    let role = name(element.get(PDFName.of('S'))) ?? '';
    const mapped = name(roleMap?.get(PDFName.of(role)));
    if (!STANDARD_TYPES.has(role)) {
      if (mapped && STANDARD_TYPES.has(mapped)) role = mapped;
      else fail('02-001', `structure type ${role} is not standard and not role-mapped`);
    }
    const attributes = array(element.get(PDFName.of('A'))).map(dict);
    const scope = attributes
      .map((attribute) => name(attribute?.get(PDFName.of('Scope'))))
      .find(Boolean);
    const node: StructNode = {
      role,
      children: [],
      parent,
      ...(text(element.get(PDFName.of('Alt'))) !== undefined
        ? { alt: text(element.get(PDFName.of('Alt'))) }
        : {}),
      ...(text(element.get(PDFName.of('ID'))) !== undefined
        ? { id: text(element.get(PDFName.of('ID'))) }
        : {}),
      ...(scope ? { scope } : {}),
      ...(text(element.get(PDFName.of('Lang'))) !== undefined
        ? { lang: text(element.get(PDFName.of('Lang'))) }
        : {}),
    };
    for (const kid of array(element.get(PDFName.of('K')))) {
      if (kid instanceof PDFNumber) continue;
      const child = readElement(kid, node);
      if (child) node.children.push(child);
    }
    return node;
  };
  const top: StructNode = { role: 'StructTreeRoot', children: [], parent: null };
  for (const kid of array(treeRoot?.get(PDFName.of('K')))) {
    const child = readElement(kid, top);
    if (child) top.children.push(child);
  }
  const all: StructNode[] = [];
  const walk = (node: StructNode) => {
    all.push(node);
    node.children.forEach(walk);
  };
  top.children.forEach(walk);

  return { all, annotationOwner };
}

/** A tagged PDF's structure elements in document order (for tests that look at roles and attributes). */
export async function readStructure(bytes: Uint8Array): Promise<StructNode[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const root = pdf.catalog.get(PDFName.of('StructTreeRoot'));
  const treeRoot = root instanceof PDFRef ? pdf.context.lookup(root) : root;
  return readTree(pdf, treeRoot instanceof PDFDict ? treeRoot : undefined, undefined, () => {}).all;
}
