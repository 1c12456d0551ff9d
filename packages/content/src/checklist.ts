import { compiledLibrary } from './generated/library.js';
import {
  type AppliesWhen,
  type ChecklistItem,
  type ChecklistTemplate,
  type PracticeProfile,
  PracticeProfileSchema,
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

/**
 * Parses a practice profile, throwing an error that names each bad field
 * (what was expected, what was received) rather than answering from bad data.
 */
function checkedProfile(profile: unknown): PracticeProfile {
  const parsed = PracticeProfileSchema.safeParse(profile);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `${issue.path.join('.') || 'profile'}: ${issue.message}`,
  );
  throw new TypeError(
    `Invalid practice profile (expected { routes, telehealth, state }): ${problems.join('; ')}`,
    { cause: parsed.error },
  );
}

function holds(condition: AppliesWhen | undefined, profile: PracticeProfile): boolean {
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

/**
 * Whether an item's `appliesWhen` holds for a practice (all given conditions
 * must hold). Throws a `TypeError` naming each field of an invalid profile.
 */
export function appliesTo(condition: AppliesWhen | undefined, profile: PracticeProfile): boolean {
  return holds(condition, checkedProfile(profile));
}

/**
 * The template's items that apply to a practice, in template order, each with
 * its section id. Throws a `TypeError` naming each field of an invalid profile.
 */
export function applicableItems(
  template: ChecklistTemplate,
  profile: PracticeProfile,
): Array<ChecklistItem & { sectionId: string }> {
  const checked = checkedProfile(profile);
  return template.sections.flatMap((section) =>
    section.items
      .filter((item) => holds(item.appliesWhen, checked))
      .map((item) => ({ ...item, sectionId: section.id })),
  );
}
