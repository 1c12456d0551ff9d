import { compiledLibrary } from './generated/library.js';
import type {
  AppliesWhen,
  ChecklistItem,
  ChecklistTemplate,
  PracticeProfile,
} from './model/checklist.js';

/** The practice onboarding checklist template (a fresh copy). Throws if the library has none. */
export function getChecklistTemplate(): ChecklistTemplate {
  if (!compiledLibrary.checklist) {
    throw new Error(
      'The library has no onboarding checklist (expected library/onboarding-checklist/template.yaml).',
    );
  }
  return structuredClone(compiledLibrary.checklist);
}

/** Whether an item's `appliesWhen` holds for a practice (all given conditions must hold). */
export function appliesTo(condition: AppliesWhen | undefined, profile: PracticeProfile): boolean {
  if (!condition) return true;
  if (condition.routesAny && !condition.routesAny.some((route) => profile.routes.includes(route))) {
    return false;
  }
  if (condition.telehealth !== undefined && condition.telehealth !== profile.telehealth) {
    return false;
  }
  if (condition.states && !condition.states.includes(profile.state)) return false;
  return true;
}

/** The template's items that apply to a practice, in template order, each with its section id. */
export function applicableItems(
  template: ChecklistTemplate,
  profile: PracticeProfile,
): Array<ChecklistItem & { sectionId: string }> {
  return template.sections.flatMap((section) =>
    section.items
      .filter((item) => appliesTo(item.appliesWhen, profile))
      .map((item) => ({ ...item, sectionId: section.id })),
  );
}
