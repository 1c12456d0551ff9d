import { type ChecklistTemplate, ChecklistTemplateSchema } from '../src/model/checklist.js';
import type { Reporter } from './problems.js';
import { parseYaml, validateYaml } from './yaml-source.js';

/**
 * Parses and validates the checklist template, reporting malformed fields,
 * duplicate section or item ids and citations of unknown references.
 */
export function compileChecklist(
  text: string,
  referenceIds: ReadonlySet<string>,
  report: Reporter,
): ChecklistTemplate | undefined {
  const source = parseYaml(text, report);
  if (!source) return undefined;
  const template = validateYaml(source, ChecklistTemplateSchema, report, 'checklist');
  if (!template) return undefined;
  const sectionIds = new Set<string>();
  const itemIds = new Set<string>();
  let problems = 0;
  const complain = (path: PropertyKey[], message: string) => {
    problems += 1;
    report(source.lineOf(path), message);
  };
  template.sections.forEach((section, sectionIndex) => {
    if (sectionIds.has(section.id)) {
      complain(['sections', sectionIndex, 'id'], `duplicate section id "${section.id}"`);
    }
    sectionIds.add(section.id);
    section.items.forEach((item, itemIndex) => {
      const path = ['sections', sectionIndex, 'items', itemIndex];
      if (itemIds.has(item.id)) complain([...path, 'id'], `duplicate item id "${item.id}"`);
      itemIds.add(item.id);
      item.references.forEach((id, referenceIndex) => {
        if (!referenceIds.has(id)) {
          complain(
            [...path, 'references', referenceIndex],
            `unknown citation id "${id}" in item "${item.id}"; add it to library/references.yaml`,
          );
        }
      });
    });
  });
  return problems === 0 ? template : undefined;
}
