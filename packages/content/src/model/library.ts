import * as z from 'zod';
import { ChecklistTemplateSchema } from './checklist.js';
import { DocumentSchema } from './document.js';
import { ReferenceSchema } from './reference.js';

/** The whole compiled library, as the build writes it. */
export const CompiledLibrarySchema = z.object({
  schemaVersion: z.string(),
  references: z.array(ReferenceSchema),
  documents: z.array(DocumentSchema),
  checklist: ChecklistTemplateSchema.nullable(),
});

/** The whole compiled library. */
export type CompiledLibrary = z.infer<typeof CompiledLibrarySchema>;
