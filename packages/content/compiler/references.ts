import { z } from 'zod';
import { type Reference, ReferenceSchema } from '../src/model/reference.js';
import type { Reporter } from './problems.js';
import { parseYaml, validateYaml } from './yaml-source.js';

const RegistrySchema = z.array(ReferenceSchema);

/** Parses and validates references.yaml, reporting malformed entries and duplicate ids. */
export function compileReferences(text: string, report: Reporter): Reference[] {
  const source = parseYaml(text, report);
  if (!source) return [];
  const references = validateYaml(source, RegistrySchema, report, 'reference');
  if (!references) return [];
  const seen = new Set<string>();
  references.forEach((reference, index) => {
    if (seen.has(reference.id)) {
      report(source.lineOf([index, 'id']), `duplicate reference id "${reference.id}"`);
    }
    seen.add(reference.id);
  });
  return references;
}
