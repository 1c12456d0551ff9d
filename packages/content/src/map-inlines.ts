import type { Block, FlowBlock, ListItem } from './model/blocks.js';
import type { Document } from './model/document.js';
import type { Inline } from './model/inline.js';

/** Rewrites one inline node into zero or more nodes. */
type InlineMapper = (inline: Inline) => Inline[];

function mapRun(run: Inline[], mapper: InlineMapper): Inline[] {
  return run.flatMap((inline) => {
    if (inline.type === 'strong' || inline.type === 'emphasis' || inline.type === 'link') {
      return [{ ...inline, children: mapRun(inline.children, mapper) }];
    }
    return mapper(inline);
  });
}

function mapItems(items: ListItem[], mapper: InlineMapper): ListItem[] {
  return items.map((item) => ({
    content: mapRun(item.content, mapper),
    ...(item.list
      ? { list: { ordered: item.list.ordered, items: mapItems(item.list.items, mapper) } }
      : {}),
  }));
}

function mapFlow(block: FlowBlock, mapper: InlineMapper): FlowBlock {
  return block.type === 'paragraph'
    ? { ...block, content: mapRun(block.content, mapper) }
    : { ...block, items: mapItems(block.items, mapper) };
}

function mapBlock(block: Block, mapper: InlineMapper): Block {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return { ...block, content: mapRun(block.content, mapper) };
    case 'list':
      return { ...block, items: mapItems(block.items, mapper) };
    case 'callout':
    case 'acknowledgement':
      return { ...block, blocks: block.blocks.map((inner) => mapFlow(inner, mapper)) };
    case 'table':
      return {
        ...block,
        header: block.header.map((cell) => mapRun(cell, mapper)),
        rows: block.rows.map((row) => row.map((cell) => mapRun(cell, mapper))),
      };
    case 'definitions':
      return {
        ...block,
        items: block.items.map((item) => ({
          term: item.term,
          definition: mapRun(item.definition, mapper),
        })),
      };
    case 'checkboxes':
      return { ...block, items: block.items.map((item) => mapRun(item, mapper)) };
    case 'fields':
      return { ...block, items: block.items.map((item) => ({ ...item })) };
    case 'signature':
      return {
        ...block,
        parties: [...block.parties],
        ...(block.prefillDate ? { prefillDate: [...block.prefillDate] } : {}),
      };
    case 'pageBreak':
      return { ...block };
  }
}

/** Returns a copy of `document` with every leaf inline node passed through `mapper`. */
export function mapInlines(document: Document, mapper: InlineMapper): Document {
  return {
    ...document,
    references: document.references.map((reference) => ({ ...reference })),
    sections: document.sections.map((section) => ({
      ...section,
      ...(section.routes ? { routes: [...section.routes] } : {}),
      blocks: section.blocks.map((block) => mapBlock(block, mapper)),
    })),
  };
}

/** Calls `visit` for every leaf inline node of `document`, in reading order. */
export function forEachInline(document: Document, visit: (inline: Inline) => void): void {
  mapInlines(document, (inline) => {
    visit(inline);
    return [inline];
  });
}
