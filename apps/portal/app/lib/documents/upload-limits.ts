/**
 * Size limits of uploads, without dependencies, so the server's request-body
 * limit (server/body-limit.ts) and the brand-kit form share them.
 */

/** Largest logo upload accepted, in bytes (2 MB). */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;

/** Largest brand-kit form post accepted: the logo plus generous room for the text fields. */
export const BRAND_FORM_MAX_BYTES = LOGO_MAX_BYTES + 64 * 1024;

/**
 * Largest sealing certificate (PKCS#12) upload accepted, in bytes (100 KB).
 * Below the server's form limit (256 KB), so a larger file gets a message
 * naming the field rather than a 413.
 */
export const SEAL_CERTIFICATE_MAX_BYTES = 100 * 1024;
