import * as z from 'zod';
import { ChecklistTemplateSchema, PracticeProfileSchema } from './model/checklist.js';
import { DocumentSchema } from './model/document.js';
import { ListItemSchema } from './model/blocks.js';
import { InlineSchema } from './model/inline.js';
import { CompiledLibrarySchema } from './model/library.js';
import { ReferenceSchema } from './model/reference.js';

/** Names of the JSON Schemas the package ships (also as `dist/schema/<name>.schema.json`). */
export const JSON_SCHEMA_NAMES = [
  'document',
  'checklist-template',
  'practice-profile',
  'reference',
  'library',
] as const;

/** The name of one shipped JSON Schema. */
export type JsonSchemaName = (typeof JSON_SCHEMA_NAMES)[number];

const schemas = {
  document: DocumentSchema,
  'checklist-template': ChecklistTemplateSchema,
  'practice-profile': PracticeProfileSchema,
  reference: ReferenceSchema,
  library: CompiledLibrarySchema,
} as const;

// Names for the recursive parts, kept out of zod's global registry so that
// loading the package twice (ESM and CommonJS) cannot clash on ids.
const names = z.registry<{ id: string; description: string }>();
names.add(InlineSchema, {
  id: 'Inline',
  description: 'Inline content: text, strong, emphasis, link, citation or placeholder.',
});
names.add(ListItemSchema, {
  id: 'ListItem',
  description: 'A list item: its text and an optional nested list.',
});

/**
 * The JSON Schema (draft 2020-12) of a content model type, for users who
 * do not write TypeScript.
 */
export function contentJsonSchema(name: JsonSchemaName): Record<string, unknown> {
  return z.toJSONSchema(schemas[name], { target: 'draft-2020-12', io: 'output', metadata: names });
}
