import type { ChecklistTemplate } from '@groundwork/content';

/**
 * A synthetic "next version" of a checklist template for upgrade tests: one
 * item reworded, one item removed, one item added to the first section, and
 * the version bumped to 2.0.0.
 */
export function syntheticV2(template: ChecklistTemplate): {
  template: ChecklistTemplate;
  changedId: string;
  removedId: string;
  addedId: string;
} {
  const next = structuredClone(template);
  next.version = '2.0.0';
  const first = next.sections[0];
  if (!first || first.items.length < 3) throw new Error('The template needs a section of 3+ items');
  const changed = first.items[0];
  const removed = first.items[1];
  if (!changed || !removed) throw new Error('unreachable');
  changed.why = `${changed.why} (Reworded in version 2.)`;
  first.items.splice(1, 1);
  first.items.push({
    id: 'synthetic-v2-new-item',
    title: 'A new item added in version 2',
    why: 'Version 2 of the template asks for this.',
    steps: ['Do the new thing.'],
    references: [],
    owner: 'owner',
  });
  return {
    template: next,
    changedId: changed.id,
    removedId: removed.id,
    addedId: 'synthetic-v2-new-item',
  };
}
