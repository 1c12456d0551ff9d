import type { FlowBlock } from '@groundwork/content';
import { InlineContent } from './inline-content.js';
import { ListView } from './list-view.js';
import { Paragraph } from './typography.js';

/** The paragraphs and lists inside a callout or an acknowledgement. */
export function FlowBlocks({ blocks, size }: { blocks: readonly FlowBlock[]; size?: number }) {
  return (
    <>
      {blocks.map((block) =>
        block.type === 'paragraph' ? (
          <Paragraph key={block.id} spaceAfter={4} {...(size ? { size } : {})}>
            <InlineContent content={block.content} />
          </Paragraph>
        ) : (
          <ListView key={block.id} ordered={block.ordered} items={block.items} />
        ),
      )}
    </>
  );
}
