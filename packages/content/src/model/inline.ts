import * as z from 'zod';
import { PlaceholderNameSchema } from './placeholders.js';
import { SlugSchema } from './reference.js';

/** Plain text. `filledFrom` names the placeholder a `fill` value replaced. */
export const TextInlineSchema = z.object({
  type: z.literal('text'),
  value: z.string(),
  filledFrom: PlaceholderNameSchema.optional(),
});

/** A citation of one or more references by id (resolved against the registry at build). */
export const CitationInlineSchema = z.object({
  type: z.literal('citation'),
  referenceIds: z.array(SlugSchema).min(1),
});

/** A placeholder such as `practice.emergencyPhone`, replaced by `fill`. */
export const PlaceholderInlineSchema = z.object({
  type: z.literal('placeholder'),
  name: PlaceholderNameSchema,
});

/** Inline content: text, strong, emphasis, link, citation or placeholder. */
export type Inline =
  | z.infer<typeof TextInlineSchema>
  | z.infer<typeof CitationInlineSchema>
  | z.infer<typeof PlaceholderInlineSchema>
  | { type: 'strong'; children: Inline[] }
  | { type: 'emphasis'; children: Inline[] }
  | { type: 'link'; url: string; children: Inline[] };

/** Validates inline content (recursive through strong, emphasis and link). */
export const InlineSchema: z.ZodType<Inline> = z.lazy(() =>
  z.discriminatedUnion('type', [
    TextInlineSchema,
    CitationInlineSchema,
    PlaceholderInlineSchema,
    z.object({ type: z.literal('strong'), children: z.array(InlineSchema) }),
    z.object({ type: z.literal('emphasis'), children: z.array(InlineSchema) }),
    z.object({
      type: z.literal('link'),
      url: z
        .string()
        .regex(/^(https?:\/\/|mailto:|tel:)\S+$/, 'an https://, http://, mailto: or tel: link'),
      children: z.array(InlineSchema),
    }),
  ]),
);

/** A run of inline content, such as a paragraph's text. */
export const InlineContentSchema = z.array(InlineSchema);
