/** Possible outcomes of a screening, from most to least permissive. */
export const DECISIONS = ['eligible', 'needs-review', 'defer', 'incomplete', 'ineligible'] as const;

/** The outcome of screening one patient against a ruleset. */
export type Decision = (typeof DECISIONS)[number];

/** The most restrictive of several decisions (`eligible` when given none). */
export function mostRestrictive(decisions: readonly Decision[]): Decision {
  let worst = 0;
  for (const decision of decisions) {
    worst = Math.max(worst, DECISIONS.indexOf(decision));
  }
  return DECISIONS[worst] ?? 'eligible';
}
