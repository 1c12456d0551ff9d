import * as z from 'zod';
import { DocumentSchema } from '../src/model/document.js';

/** The front matter of a document, as written in Markdown. */
export const FrontMatterSchema = z.strictObject({
  ...DocumentSchema.pick({
    id: true,
    kind: true,
    audience: true,
    locale: true,
    version: true,
    title: true,
    summary: true,
    reviewedAt: true,
    reviewer: true,
  }).shape,
  disclaimer: z.string().min(1).optional(),
});

/** The front matter of a document. */
export type FrontMatter = z.infer<typeof FrontMatterSchema>;
