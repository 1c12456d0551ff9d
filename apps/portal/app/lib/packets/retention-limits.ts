/** Retention when a practice has not chosen one. */
export const DEFAULT_RETENTION_DAYS = 365;

/** Shortest and longest retention a practice may set (one day to ten years). */
export const RETENTION_LIMITS = { min: 1, max: 3650 } as const;
