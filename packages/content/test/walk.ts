import type { Block, Document, Inline, ListItem } from '@groundwork/content';

/** Every block id of a document, nested ones included, in reading order. */
export function blockIds(document: Document): string[] {
  return document.sections.flatMap((section) =>
    section.blocks.flatMap((block: Block) =>
      block.type === 'callout' || block.type === 'acknowledgement'
        ? [block.id, ...block.blocks.map((inner) => inner.id)]
        : [block.id],
    ),
  );
}

function itemsInlines(items: readonly ListItem[]): Inline[][] {
  return items.flatMap((item) => [
    item.content,
    ...(item.list ? itemsInlines(item.list.items) : []),
  ]);
}

/** Every inline run of a block (paragraph text, list items, cells, definitions). */
export function inlineRuns(block: Block): Inline[][] {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return [block.content];
    case 'list':
      return itemsInlines(block.items);
    case 'callout':
    case 'acknowledgement':
      return block.blocks.flatMap((inner) =>
        inner.type === 'paragraph' ? [inner.content] : itemsInlines(inner.items),
      );
    case 'table':
      return [block.header, ...block.rows].flat();
    case 'definitions':
      return block.items.map((item) => item.definition);
    case 'checkboxes':
      return block.items;
    default:
      return [];
  }
}

/** Every leaf inline node of a document. */
export function leafInlines(document: Document): Inline[] {
  const leaves: Inline[] = [];
  const visit = (inline: Inline) => {
    if (inline.type === 'strong' || inline.type === 'emphasis' || inline.type === 'link') {
      inline.children.forEach(visit);
    } else {
      leaves.push(inline);
    }
  };
  for (const section of document.sections) {
    for (const block of section.blocks) for (const run of inlineRuns(block)) run.forEach(visit);
  }
  return leaves;
}
