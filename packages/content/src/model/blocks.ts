import * as z from 'zod';
import { InlineContentSchema } from './inline.js';

/** A block's stable id: its section id and position, e.g. `risks.2` or `risks.2.1`. */
export const BlockIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.\d+)+$/, 'a block id such as "risks.2"');

/** A list item: its text and an optional nested list. */
export type ListItem = {
  content: z.infer<typeof InlineContentSchema>;
  list?: { ordered: boolean; items: ListItem[] } | undefined;
};

/** Validates a list item (recursive through nested lists). */
export const ListItemSchema: z.ZodType<ListItem> = z.lazy(() =>
  z.object({
    content: InlineContentSchema,
    list: z.object({ ordered: z.boolean(), items: z.array(ListItemSchema).min(1) }).optional(),
  }),
);

/** A `###` (level 3) or `####` (level 4) heading inside a section. */
export const HeadingBlockSchema = z.object({
  type: z.literal('heading'),
  id: BlockIdSchema,
  level: z.union([z.literal(3), z.literal(4)]),
  content: InlineContentSchema,
});

/** A paragraph of inline content. */
export const ParagraphBlockSchema = z.object({
  type: z.literal('paragraph'),
  id: BlockIdSchema,
  content: InlineContentSchema,
});

/** An ordered or unordered list, nested lists inside its items. */
export const ListBlockSchema = z.object({
  type: z.literal('list'),
  id: BlockIdSchema,
  ordered: z.boolean(),
  items: z.array(ListItemSchema).min(1),
});

/** Blocks allowed inside a callout or an acknowledgement. */
export const FlowBlockSchema = z.discriminatedUnion('type', [
  ParagraphBlockSchema,
  ListBlockSchema,
]);

/** A paragraph or list inside a callout or an acknowledgement. */
export type FlowBlock = z.infer<typeof FlowBlockSchema>;

/** Tones of a callout, from least to most pressing. */
export const CALLOUT_TONES = ['info', 'warning', 'urgent'] as const;

/** A boxed note: `info`, `warning` or `urgent`, with an optional title. */
export const CalloutBlockSchema = z.object({
  type: z.literal('callout'),
  id: BlockIdSchema,
  tone: z.enum(CALLOUT_TONES),
  title: z.string().min(1).optional(),
  blocks: z.array(FlowBlockSchema).min(1),
});

/** Column alignments of a table. */
export const TableAlignSchema = z.enum(['left', 'center', 'right']).nullable();

/** A table with a header row; each cell is inline content. */
export const TableBlockSchema = z.object({
  type: z.literal('table'),
  id: BlockIdSchema,
  align: z.array(TableAlignSchema),
  header: z.array(InlineContentSchema).min(1),
  rows: z.array(z.array(InlineContentSchema)),
});

/** A list of terms and their definitions. */
export const DefinitionListBlockSchema = z.object({
  type: z.literal('definitions'),
  id: BlockIdSchema,
  items: z.array(z.object({ term: z.string().min(1), definition: InlineContentSchema })).min(1),
});

/** Who may initial an acknowledgement. */
export const INITIALLING_PARTIES = ['patient', 'clinician', 'interpreter'] as const;

/** Who initials an acknowledgement: `patient`, `clinician` or `interpreter`. */
export type InitiallingParty = (typeof INITIALLING_PARTIES)[number];

/**
 * A statement initialled to acknowledge it (consent forms). `initialledBy`
 * names who initials it; absent means the patient.
 */
export const AcknowledgementBlockSchema = z.object({
  type: z.literal('acknowledgement'),
  id: BlockIdSchema,
  initialledBy: z.enum(INITIALLING_PARTIES).optional(),
  blocks: z.array(FlowBlockSchema).min(1),
});

/** Who may sign a signature block. */
export const SIGNATURE_PARTIES = ['patient', 'interpreter', 'clinician', 'witness'] as const;

/** A party that signs a signature block. */
export type SignatureParty = (typeof SIGNATURE_PARTIES)[number];

/**
 * Signature lines for the named parties; a date line goes with each
 * signature. `prefillDate` lists the parties whose date line a renderer may
 * print a given date on (absent: none); the others date their own line.
 */
export const SignatureBlockSchema = z
  .object({
    type: z.literal('signature'),
    id: BlockIdSchema,
    parties: z.array(z.enum(SIGNATURE_PARTIES)).min(1),
    date: z.literal(true),
    prefillDate: z.array(z.enum(SIGNATURE_PARTIES)).min(1).optional(),
  })
  .refine((block) => (block.prefillDate ?? []).every((party) => block.parties.includes(party)), {
    message: 'prefillDate may only name parties of the block',
    path: ['prefillDate'],
  });

/** Labelled blank lines to write on (practice forms), such as "Patient name". */
export const FieldsBlockSchema = z.object({
  type: z.literal('fields'),
  id: BlockIdSchema,
  items: z.array(z.object({ label: z.string().min(1) })).min(1),
});

/** Statements with a box to tick beside each (practice forms). */
export const CheckboxesBlockSchema = z.object({
  type: z.literal('checkboxes'),
  id: BlockIdSchema,
  items: z.array(InlineContentSchema).min(1),
});

/** A hint to the renderer to start a new page here. */
export const PageBreakBlockSchema = z.object({
  type: z.literal('pageBreak'),
  id: BlockIdSchema,
});

/** Any block of a section. */
export const BlockSchema = z.discriminatedUnion('type', [
  HeadingBlockSchema,
  ParagraphBlockSchema,
  ListBlockSchema,
  CalloutBlockSchema,
  TableBlockSchema,
  DefinitionListBlockSchema,
  AcknowledgementBlockSchema,
  SignatureBlockSchema,
  FieldsBlockSchema,
  CheckboxesBlockSchema,
  PageBreakBlockSchema,
]);

/** Any block of a section, discriminated by `type`. */
export type Block = z.infer<typeof BlockSchema>;
/** A `###`/`####` heading block. */
export type HeadingBlock = z.infer<typeof HeadingBlockSchema>;
/** A paragraph block. */
export type ParagraphBlock = z.infer<typeof ParagraphBlockSchema>;
/** A list block. */
export type ListBlock = z.infer<typeof ListBlockSchema>;
/** A callout block. */
export type CalloutBlock = z.infer<typeof CalloutBlockSchema>;
/** A table block. */
export type TableBlock = z.infer<typeof TableBlockSchema>;
/** A definition list block. */
export type DefinitionListBlock = z.infer<typeof DefinitionListBlockSchema>;
/** An acknowledgement block. */
export type AcknowledgementBlock = z.infer<typeof AcknowledgementBlockSchema>;
/** A signature block. */
export type SignatureBlock = z.infer<typeof SignatureBlockSchema>;
/** A block of labelled blank lines. */
export type FieldsBlock = z.infer<typeof FieldsBlockSchema>;
/** A block of tick boxes. */
export type CheckboxesBlock = z.infer<typeof CheckboxesBlockSchema>;
/** A page break hint. */
export type PageBreakBlock = z.infer<typeof PageBreakBlockSchema>;
