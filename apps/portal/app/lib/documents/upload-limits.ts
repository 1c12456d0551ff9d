/**
 * Size limits of uploads, without dependencies, so the server's request-body
 * limit (server/body-limit.ts) and the brand-kit form share them.
 */

/** Largest logo upload accepted, in bytes (2 MB). */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;

/** Largest brand-kit form post accepted: the logo plus generous room for the text fields. */
export const BRAND_FORM_MAX_BYTES = LOGO_MAX_BYTES + 64 * 1024;
