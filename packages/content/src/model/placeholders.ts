import * as z from 'zod';

/** Every placeholder a document may contain, filled per practice or per patient by `fill`. */
export const PLACEHOLDERS = [
  'practice.name',
  'practice.phone',
  'practice.emergencyPhone',
  'practice.address',
  'practice.website',
  'practice.email',
  'clinician.name',
  'patient.name',
  'date',
] as const;

/** A known placeholder name. */
export const PlaceholderNameSchema = z.enum(PLACEHOLDERS);

/** A known placeholder name, such as `practice.emergencyPhone`. */
export type PlaceholderName = z.infer<typeof PlaceholderNameSchema>;

/** Values for `fill`: a string per placeholder name. */
export type PlaceholderValues = Partial<Record<PlaceholderName, string>>;

/** Whether `name` is one of the known placeholder names. */
export function isPlaceholderName(name: string): name is PlaceholderName {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}
