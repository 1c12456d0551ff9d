/** Member roles, most powerful first. Shared by server and UI (no secrets here). */
export const MEMBER_ROLES = ['owner', 'clinician', 'staff'] as const;

/** A member's role in a practice. */
export type MemberRole = (typeof MEMBER_ROLES)[number];

const RANK: Record<MemberRole, number> = { owner: 3, clinician: 2, staff: 1 };

/** Whether `role` is at least as powerful as `minRole`. */
export function hasRole(role: MemberRole, minRole: MemberRole): boolean {
  return RANK[role] >= RANK[minRole];
}

/** Human labels for roles. */
export const ROLE_LABELS: Record<MemberRole, string> = {
  owner: 'Owner',
  clinician: 'Clinician',
  staff: 'Staff',
};

/**
 * What every route under /practices/:practiceId exports as
 * `handle = { access: { loader: ..., action: ... } }`: the least role its
 * loader and action require. The isolation test reads it to check each route
 * really refuses lower roles; a practice route without it fails that test.
 */
export interface PracticeRouteHandle {
  access: { loader?: MemberRole; action?: MemberRole };
}
