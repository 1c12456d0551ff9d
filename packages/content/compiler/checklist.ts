import { type ChecklistTemplate, ChecklistTemplateSchema } from '../src/model/checklist.js';
import type { Reporter } from './problems.js';
import { parseYaml, validateYaml } from './yaml-source.js';

type Loose = Record<string, unknown>;

function records(value: unknown): Loose[] {
  return Array.isArray(value)
    ? value.map((entry) => (entry !== null && typeof entry === 'object' ? (entry as Loose) : {}))
    : [];
}

/**
 * Parses and validates the checklist template, reporting malformed fields,
 * duplicate section or item ids and citations of unknown references, all in
 * one pass (the id and reference checks also run on a template that fails
 * the schema, so one build lists every problem).
 */
export function compileChecklist(
  text: string,
  referenceIds: ReadonlySet<string>,
  report: Reporter,
): ChecklistTemplate | undefined {
  const source = parseYaml(text, report);
  if (!source) return undefined;
  const template = validateYaml(source, ChecklistTemplateSchema, report, 'checklist');
  const raw =
    source.value !== null && typeof source.value === 'object' ? (source.value as Loose) : {};
  const sectionIds = new Set<unknown>();
  const itemIds = new Set<unknown>();
  let problems = 0;
  const complain = (path: PropertyKey[], message: string) => {
    problems += 1;
    report(source.lineOf(path), message);
  };
  records(raw.sections).forEach((section, sectionIndex) => {
    if (typeof section.id === 'string' && sectionIds.has(section.id)) {
      complain(['sections', sectionIndex, 'id'], `duplicate section id "${section.id}"`);
    }
    sectionIds.add(section.id);
    records(section.items).forEach((item, itemIndex) => {
      const path = ['sections', sectionIndex, 'items', itemIndex];
      if (typeof item.id === 'string' && itemIds.has(item.id)) {
        complain([...path, 'id'], `duplicate item id "${item.id}"`);
      }
      itemIds.add(item.id);
      (Array.isArray(item.references) ? item.references : []).forEach((id: unknown, index) => {
        if (typeof id === 'string' && !referenceIds.has(id)) {
          complain(
            [...path, 'references', index],
            `unknown citation id "${id}" in item "${String(item.id)}"; add it to library/references.yaml`,
          );
        }
      });
    });
  });
  return problems === 0 ? template : undefined;
}
