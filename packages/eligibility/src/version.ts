import * as z from 'zod';

/**
 * A semantic version (`1.0.0`, `1.1.0-beta.1`); customised rulesets and rules
 * add build metadata (`1.0.0+acme-clinic.3`).
 */
export const VersionSchema = z
  .string()
  .regex(
    /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/,
    'expected a semantic version such as 1.0.0 or 1.0.0+acme-clinic.1',
  );
