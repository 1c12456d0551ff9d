import * as z from 'zod';
import { BlockSchema } from './blocks.js';
import { IsoDateSchema, ReferenceSchema, SlugSchema } from './reference.js';
import { LocaleSchema, RouteSchema } from './routes.js';

/** Kinds of document in the library. */
export const DOCUMENT_KINDS = ['guide', 'handout', 'consent', 'checklist', 'form'] as const;

/** A document kind. */
export const DocumentKindSchema = z.enum(DOCUMENT_KINDS);

/** A document kind: `guide`, `handout`, `consent`, `checklist` or `form` (a practice form to fill in). */
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

/** Who a document is written for. */
export const AudienceSchema = z.enum(['practitioner', 'patient']);

/** Who a document is written for: `practitioner` or `patient`. */
export type Audience = z.infer<typeof AudienceSchema>;

/** A semantic version such as `1.0.0`. */
export const SemverSchema = z
  .string()
  .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'a semantic version such as 1.0.0');

/**
 * A section of a document: a stable id, a title (absent only for the intro
 * section before the first `##` heading), and optionally the routes it is
 * limited to (absent = shared by every route).
 */
export const SectionSchema = z.object({
  id: SlugSchema,
  title: z.string().min(1).optional(),
  routes: z.array(RouteSchema).min(1).optional(),
  blocks: z.array(BlockSchema),
});

/** A section of a document. */
export type Section = z.infer<typeof SectionSchema>;

/** Which route variant of a document this is (set by `getDocument` when a variant was asked for). */
export const VariantSchema = z.object({
  routes: z.array(RouteSchema).min(1),
});

/** A route variant: the routes whose sections a document keeps. */
export type Variant = z.infer<typeof VariantSchema>;

/** A document of the library: metadata, the references it cites and its sections. */
export const DocumentSchema = z.object({
  id: SlugSchema,
  kind: DocumentKindSchema,
  audience: AudienceSchema,
  locale: LocaleSchema,
  version: SemverSchema,
  title: z.string().min(1),
  summary: z.string().min(1),
  reviewedAt: IsoDateSchema,
  reviewer: z.string().min(1),
  disclaimer: z.string().min(1),
  /** Every reference the document cites, in order of first citation. */
  references: z.array(ReferenceSchema),
  sections: z.array(SectionSchema).min(1),
  /** Set when a variant was selected: only these routes' sections (and the shared ones) are kept. */
  variant: VariantSchema.optional(),
  /** Set when the requested locale was missing and English was served instead. */
  fellBackFrom: LocaleSchema.optional(),
});

/** A document of the library. */
export type Document = z.infer<typeof DocumentSchema>;
