import type {
  BlockContent,
  DefinitionContent,
  List,
  ListItem as MdListItem,
  RootContent,
} from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import type { Block, FlowBlock, ListItem } from '../src/model/blocks.js';
import { CALLOUT_TONES, INITIALLING_PARTIES, SIGNATURE_PARTIES } from '../src/model/blocks.js';
import { type InlineContext, toInlines, toTitle } from './inline.js';

type Node = RootContent | BlockContent | DefinitionContent;

function lineOf(node: { position?: { start: { line: number } } | undefined }): number {
  return node.position?.start.line ?? 1;
}

function toItems(list: List, context: InlineContext): ListItem[] {
  return list.children.map((item: MdListItem) => {
    if (item.checked !== null && item.checked !== undefined) {
      context.report(lineOf(item), 'task-list checkboxes ([ ] / [x]) are not part of the format');
    }
    const [first, ...rest] = item.children;
    const content = first?.type === 'paragraph' ? toInlines(first.children, context) : [];
    if (first?.type !== 'paragraph') {
      context.report(lineOf(item), 'a list item must start with text');
    }
    let nested: ListItem['list'];
    for (const child of rest) {
      if (child.type === 'list' && !nested) {
        nested = { ordered: child.ordered === true, items: toItems(child, context) };
      } else {
        context.report(
          lineOf(child),
          'a list item holds one paragraph and at most one nested list; start a new item or a new paragraph after the list',
        );
      }
    }
    return nested ? { content, list: nested } : { content };
  });
}

function toFlowBlocks(
  children: readonly Node[],
  parentId: string,
  context: InlineContext,
  what: string,
  line: number,
): FlowBlock[] {
  const blocks: FlowBlock[] = [];
  for (const child of children) {
    const id = `${parentId}.${blocks.length + 1}`;
    if (child.type === 'paragraph') {
      blocks.push({ type: 'paragraph', id, content: toInlines(child.children, context) });
    } else if (child.type === 'list') {
      blocks.push({
        type: 'list',
        id,
        ordered: child.ordered === true,
        items: toItems(child, context),
      });
    } else {
      context.report(
        lineOf(child),
        child.type === 'heading'
          ? `${what} may hold paragraphs and lists only, found a heading; is the closing ::: of ${what} missing above it?`
          : `${what} may hold paragraphs and lists only, found ${child.type}`,
      );
    }
  }
  if (blocks.length === 0) context.report(line, `${what} is empty`);
  return blocks;
}

function isLabel(node: Node): boolean {
  return (
    node.type === 'paragraph' &&
    (node.data as { directiveLabel?: boolean } | undefined)?.directiveLabel === true
  );
}

function containerBlock(
  node: ContainerDirective,
  id: string,
  context: InlineContext,
): Block | undefined {
  const line = lineOf(node);
  const [labelNode, ...body] = node.children;
  const hasLabel = labelNode !== undefined && isLabel(labelNode);
  const content = hasLabel ? body : node.children;
  const report = (message: string) => context.report(line, message);
  if ((CALLOUT_TONES as readonly string[]).includes(node.name)) {
    const title =
      hasLabel && labelNode?.type === 'paragraph'
        ? toTitle(labelNode.children, context, 'a callout title')
        : undefined;
    const inner = toFlowBlocks(content, id, context, `:::${node.name}`, line);
    return {
      type: 'callout',
      id,
      tone: node.name as (typeof CALLOUT_TONES)[number],
      ...(title ? { title } : {}),
      blocks: inner,
    };
  }
  if (hasLabel) report(`:::${node.name} takes no [title]`);
  const attributes = node.attributes ?? {};
  const extra = Object.keys(attributes).filter(
    (key) => !(node.name === 'acknowledgement' && key === 'initialledBy'),
  );
  if (extra.length > 0) {
    report(
      node.name === 'acknowledgement'
        ? `:::acknowledgement takes only initialledBy="..."; found ${extra.join(', ')}`
        : `:::${node.name} takes no attributes; found ${extra.join(', ')}`,
    );
  }
  if (node.name === 'acknowledgement') {
    const inner = toFlowBlocks(content, id, context, ':::acknowledgement', line);
    const initialledBy = attributes.initialledBy;
    if (
      initialledBy !== undefined &&
      initialledBy !== null &&
      !(INITIALLING_PARTIES as readonly string[]).includes(initialledBy)
    ) {
      report(
        `:::acknowledgement initialledBy="${initialledBy}" must be one of ${INITIALLING_PARTIES.join(', ')}`,
      );
      return undefined;
    }
    return {
      type: 'acknowledgement',
      id,
      ...(initialledBy
        ? { initialledBy: initialledBy as (typeof INITIALLING_PARTIES)[number] }
        : {}),
      blocks: inner,
    };
  }
  if (node.name === 'fields' || node.name === 'checkboxes') {
    const [list, ...more] = content;
    if (list?.type !== 'list' || more.length > 0) {
      report(
        `:::${node.name} must hold exactly one list, one item per ${node.name === 'fields' ? 'field label' : 'box'}`,
      );
      return undefined;
    }
    const items = list.children.map((item) => {
      const paragraph = item.children[0];
      if (paragraph?.type !== 'paragraph' || item.children.length !== 1) {
        context.report(
          lineOf(item),
          `a :::${node.name} item is one line of text, without a nested list`,
        );
        return [];
      }
      return toInlines(paragraph.children, context);
    });
    if (node.name === 'checkboxes') return { type: 'checkboxes', id, items };
    return {
      type: 'fields',
      id,
      items: items.map((inlines, index) => {
        const label = inlines
          .map((inline) => (inline.type === 'text' ? inline.value : ''))
          .join('')
          .trim();
        if (label === '' || inlines.some((inline) => inline.type !== 'text')) {
          context.report(lineOf(list.children[index] ?? list), 'a field label is plain text');
        }
        return { label };
      }),
    };
  }
  if (node.name === 'definitions') {
    const [list, ...extra] = content;
    if (list?.type !== 'list' || extra.length > 0) {
      report(':::definitions must hold exactly one list of "- **Term** definition" items');
      return undefined;
    }
    const items = list.children.map((item) => {
      const paragraph = item.children[0];
      const [term, ...definition] = paragraph?.type === 'paragraph' ? paragraph.children : [];
      if (term?.type !== 'strong' || item.children.length !== 1) {
        context.report(lineOf(item), 'a definition is written "- **Term** definition text"');
        return { term: '', definition: [] };
      }
      const inlines = toInlines(definition, context);
      const first = inlines[0];
      if (first?.type === 'text') {
        const trimmed = first.value.replace(/^[\s:—–-]+/, '');
        if (trimmed === '') inlines.shift();
        else inlines[0] = { ...first, value: trimmed };
      }
      if (inlines.length === 0)
        context.report(lineOf(item), 'a definition needs text after the **Term**');
      return { term: toTitle(term.children, context, 'a defined term'), definition: inlines };
    });
    return { type: 'definitions', id, items };
  }
  report(
    `unknown directive ":::${node.name}"; expected one of :::info, :::warning, :::urgent, :::definitions, :::acknowledgement, :::fields, :::checkboxes`,
  );
  return undefined;
}

function leafBlock(node: LeafDirective, id: string, context: InlineContext): Block | undefined {
  const line = lineOf(node);
  if (node.name === 'pagebreak') return { type: 'pageBreak', id };
  if (node.name === 'signature') {
    const attributes = node.attributes ?? {};
    const unknownAttributes = Object.keys(attributes).filter(
      (key) => key !== 'parties' && key !== 'prefillDate',
    );
    if (unknownAttributes.length > 0) {
      context.report(
        line,
        `::signature takes only parties="..." and prefillDate="..."; found ${unknownAttributes.join(', ')}`,
      );
    }
    const parties = (attributes.parties ?? '').split(/[\s,]+/).filter(Boolean);
    const unknown = parties.filter(
      (party) => !(SIGNATURE_PARTIES as readonly string[]).includes(party),
    );
    if (parties.length === 0 || unknown.length > 0) {
      context.report(
        line,
        `::signature needs parties out of ${SIGNATURE_PARTIES.join(', ')}, e.g. ::signature{parties="patient clinician"}; found ${JSON.stringify(attributes.parties ?? '')}`,
      );
      return undefined;
    }
    const prefillDate = (attributes.prefillDate ?? '').split(/[\s,]+/).filter(Boolean);
    const strays = prefillDate.filter((party) => !parties.includes(party));
    if (attributes.prefillDate !== undefined && (prefillDate.length === 0 || strays.length > 0)) {
      context.report(
        line,
        `::signature prefillDate="${attributes.prefillDate ?? ''}" must name parties of the block (${parties.join(', ')})`,
      );
      return undefined;
    }
    return {
      type: 'signature',
      id,
      parties: [...new Set(parties)] as Array<(typeof SIGNATURE_PARTIES)[number]>,
      date: true,
      ...(prefillDate.length > 0
        ? { prefillDate: [...new Set(prefillDate)] as Array<(typeof SIGNATURE_PARTIES)[number]> }
        : {}),
    };
  }
  context.report(
    line,
    `unknown directive "::${node.name}"; expected ::signature{parties="..."} or ::pagebreak`,
  );
  return undefined;
}

const UNSUPPORTED: Record<string, string> = {
  code: 'a code block',
  html: 'raw HTML',
  blockquote: 'a block quote (>)',
  definition: 'a link reference definition',
  footnoteDefinition: 'a footnote',
};

/** Converts one mdast block node into a model block with id `id`, reporting what is not allowed. */
export function toBlock(node: Node, id: string, context: InlineContext): Block | undefined {
  const line = lineOf(node);
  switch (node.type) {
    case 'paragraph':
      return { type: 'paragraph', id, content: toInlines(node.children, context) };
    case 'heading':
      if (node.depth === 3 || node.depth === 4) {
        return {
          type: 'heading',
          id,
          level: node.depth,
          content: toInlines(node.children, context),
        };
      }
      context.report(
        line,
        node.depth === 1
          ? 'a # heading is not allowed; the title comes from the front matter and sections start with ##'
          : `a heading of level ${node.depth} is not allowed; use ## (section), ### or ####`,
      );
      return undefined;
    case 'list':
      return { type: 'list', id, ordered: node.ordered === true, items: toItems(node, context) };
    case 'table': {
      const [header, ...rows] = node.children.map((row) =>
        row.children.map((cell) => toInlines(cell.children, context)),
      );
      return {
        type: 'table',
        id,
        align: (node.align ?? []).map((align) => align ?? null),
        header: header ?? [],
        rows,
      };
    }
    case 'containerDirective':
      return containerBlock(node, id, context);
    case 'leafDirective':
      return leafBlock(node, id, context);
    case 'thematicBreak':
      context.report(
        line,
        'a horizontal rule is not part of the format; use ::pagebreak for a page break',
      );
      return undefined;
    case 'yaml':
      context.report(
        line,
        'front matter must come first in the file, and only in a short document or _document.md',
      );
      return undefined;
    default:
      context.report(
        line,
        `${UNSUPPORTED[node.type] ?? node.type} is not part of the format; expected paragraphs, ### headings, lists, tables or the directives in docs/content-authoring.md`,
      );
      return undefined;
  }
}
