/**
 * Possible outcomes of a screening, from most to least permissive:
 * `incomplete` (answers missing, nothing found against) is below any finding,
 * because a finding stands whatever the missing answers turn out to be.
 */
export const DECISIONS = ['eligible', 'incomplete', 'needs-review', 'defer', 'ineligible'] as const;

/** The outcome of screening one patient against a ruleset. */
export type Decision = (typeof DECISIONS)[number];

/** How restrictive a decision is (0 = eligible … 4 = ineligible). */
export function decisionRank(decision: Decision): number {
  return DECISIONS.indexOf(decision);
}

/** The most restrictive of several decisions (`eligible` when given none). */
export function mostRestrictive(decisions: readonly Decision[]): Decision {
  let worst = 0;
  for (const decision of decisions) {
    worst = Math.max(worst, DECISIONS.indexOf(decision));
  }
  return DECISIONS[worst] ?? 'eligible';
}
