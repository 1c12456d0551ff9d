import { createHash } from 'node:crypto';
import {
  applicableItems,
  getChecklistTemplate,
  getReference,
  PracticeProfileSchema,
  ROUTES,
} from '@groundwork/content';
import type { ChecklistItem, ChecklistTemplate, PracticeProfile, Route } from '@groundwork/content';
import type { AppLoadContext } from '@remix-run/node';
import type { Practice } from '../practices/practices.server';

let bundled: ChecklistTemplate | undefined;

/** The checklist template this server serves: the context's (tests) or @groundwork/content's. */
export function checklistTemplateFor(context: Pick<AppLoadContext, 'checklistTemplate'>) {
  if (context.checklistTemplate) return context.checklistTemplate;
  bundled ??= getChecklistTemplate();
  return bundled;
}

/** A template item with its section, its content hash and its citations resolved. */
export interface TemplateItem extends ChecklistItem {
  sectionId: string;
  sectionTitle: string;
  /** Position in the template, for stable ordering. */
  order: number;
  /** SHA-256 of what the item says; changes when its text, steps, references or conditions do. */
  contentHash: string;
  resolvedReferences: Array<{ id: string; citation: string; url?: string }>;
}

/**
 * SHA-256 of an item's content in a fixed field order, so the same content
 * always hashes the same whatever order the YAML lists keys in.
 */
export function itemContentHash(item: ChecklistItem, sectionId: string): string {
  const conditions = item.appliesWhen ?? {};
  const canonical = JSON.stringify([
    sectionId,
    item.title,
    item.why,
    item.steps,
    item.references,
    item.owner,
    conditions.routesAny ?? null,
    conditions.telehealth ?? null,
    conditions.states ?? null,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

const itemCache = new WeakMap<ChecklistTemplate, TemplateItem[]>();

/** Every item of the template, in order, with hashes and resolved references. */
export function templateItems(template: ChecklistTemplate): TemplateItem[] {
  const cached = itemCache.get(template);
  if (cached) return cached;
  let order = 0;
  const items = template.sections.flatMap((section) =>
    section.items.map((item) => ({
      ...item,
      sectionId: section.id,
      sectionTitle: section.title,
      order: order++,
      contentHash: itemContentHash(item, section.id),
      resolvedReferences: item.references.map((id) => {
        const reference = getReference(id);
        return reference
          ? { id, citation: reference.citation, url: reference.url }
          : { id, citation: `Reference “${id}” (not in the registry)` };
      }),
    })),
  );
  itemCache.set(template, items);
  return items;
}

/**
 * The ids of the template items that apply to a practice, decided by
 * @groundwork/content's `applicableItems` from the practice's profile
 * (routes, esketamine/REMS, telehealth, state). Unknown route ids are ignored.
 */
export function applicableItemIds(
  template: ChecklistTemplate,
  practice: Pick<Practice, 'routes' | 'state' | 'telehealth'>,
): Set<string> {
  const known = new Set<string>(ROUTES);
  const parsed = PracticeProfileSchema.safeParse({
    routes: practice.routes.filter((route): route is Route => known.has(route)),
    telehealth: practice.telehealth,
    state: practice.state,
  });
  if (!parsed.success) {
    throw new Error(
      `The practice profile cannot be matched to checklist items: state "${practice.state}" is not a known US state code`,
      { cause: parsed.error },
    );
  }
  const profile: PracticeProfile = parsed.data;
  return new Set(applicableItems(template, profile).map((item) => item.id));
}
