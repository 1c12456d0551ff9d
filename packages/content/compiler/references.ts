import * as z from 'zod';
import { type Reference, ReferenceSchema } from '../src/model/reference.js';
import type { Reporter } from './problems.js';
import { parseYaml, validateYaml } from './yaml-source.js';

const RegistrySchema = z.array(ReferenceSchema);

/** Parses and validates references.yaml, reporting malformed entries and duplicate ids. */
export function compileReferences(text: string, report: Reporter): Reference[] {
  const source = parseYaml(text, report);
  if (!source) return [];
  const references = validateYaml(source, RegistrySchema, report, 'reference');
  const seen = new Set<unknown>();
  (Array.isArray(source.value) ? source.value : []).forEach((entry: unknown, index) => {
    const id =
      entry !== null && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
    if (typeof id === 'string' && seen.has(id)) {
      report(source.lineOf([index, 'id']), `duplicate reference id "${id}"`);
    }
    seen.add(id);
  });
  return references ?? [];
}
