import type { Block, FlowBlock, ListItem } from './model/blocks.js';
import type { Inline } from './model/inline.js';
import type { PlaceholderName } from './model/placeholders.js';

/** How `plainText` writes the parts that are not plain text. */
export type PlainTextOptions = {
  /** Text for a placeholder; default `{{name}}`. */
  placeholder?: (name: PlaceholderName) => string;
  /** Text for a citation; default none (citations are left out). */
  citation?: (referenceIds: string[]) => string;
};

function inlineText(inline: Inline, options: PlainTextOptions): string {
  switch (inline.type) {
    case 'text':
      return inline.value;
    case 'placeholder':
      return options.placeholder ? options.placeholder(inline.name) : `{{${inline.name}}}`;
    case 'citation':
      return options.citation ? options.citation(inline.referenceIds) : '';
    default:
      return inline.children.map((child) => inlineText(child, options)).join('');
  }
}

function runText(run: readonly Inline[], options: PlainTextOptions): string {
  return run
    .map((inline) => inlineText(inline, options))
    .join('')
    .replace(/[ \t]+([.,;:!?])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function itemsText(items: readonly ListItem[], options: PlainTextOptions): string[] {
  return items.flatMap((item) => [
    runText(item.content, options),
    ...(item.list ? itemsText(item.list.items, options) : []),
  ]);
}

function flowText(block: FlowBlock, options: PlainTextOptions): string[] {
  return block.type === 'paragraph'
    ? [runText(block.content, options)]
    : itemsText(block.items, options);
}

function blockLines(block: Block, options: PlainTextOptions): string[] {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return [runText(block.content, options)];
    case 'list':
      return itemsText(block.items, options);
    case 'callout':
      return [
        ...(block.title ? [block.title] : []),
        ...block.blocks.flatMap((inner) => flowText(inner, options)),
      ];
    case 'acknowledgement':
      return block.blocks.flatMap((inner) => flowText(inner, options));
    case 'table':
      return [block.header, ...block.rows].map((row) =>
        row.map((cell) => runText(cell, options)).join(' | '),
      );
    case 'definitions':
      return block.items.map((item) => `${item.term}: ${runText(item.definition, options)}`);
    case 'checkboxes':
      return block.items.map((item) => runText(item, options));
    case 'fields':
      return block.items.map((item) => item.label);
    case 'signature':
    case 'pageBreak':
      return [];
  }
}

function isBlock(value: Block | readonly Inline[] | Inline): value is Block {
  return !Array.isArray(value) && 'id' in value;
}

/**
 * The plain text of a block, an inline run or one inline node: marks
 * dropped, citations left out, placeholders written `{{name}}` (both
 * configurable). A block's lines (list items, table rows) are joined with
 * a line break.
 */
export function plainText(
  value: Block | readonly Inline[] | Inline,
  options: PlainTextOptions = {},
): string {
  if (Array.isArray(value)) return runText(value, options);
  if (isBlock(value)) {
    return blockLines(value, options)
      .filter((line) => line !== '')
      .join('\n');
  }
  return runText([value as Inline], options);
}
