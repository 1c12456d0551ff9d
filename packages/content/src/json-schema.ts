import { z } from 'zod';
import { ChecklistTemplateSchema, PracticeProfileSchema } from './model/checklist.js';
import { DocumentSchema } from './model/document.js';
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

/**
 * The JSON Schema (draft 2020-12) of a content model type, for users who
 * do not write TypeScript.
 */
export function contentJsonSchema(name: JsonSchemaName): Record<string, unknown> {
  return z.toJSONSchema(schemas[name], { target: 'draft-2020-12', io: 'output' });
}
