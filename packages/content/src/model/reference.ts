import * as z from 'zod';

/** A stable slug: lowercase letters, digits and single hyphens. */
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug: lowercase letters, digits and hyphens');

/** A calendar date written `YYYY-MM-DD`. */
export const IsoDateSchema = z.iso.date('a date written YYYY-MM-DD');

/** One entry of the references registry: a source the library cites. */
export const ReferenceSchema = z
  .object({
    id: SlugSchema,
    citation: z.string().min(1),
    url: z.url({ protocol: /^https?$/ }).optional(),
    doi: z
      .string()
      .regex(/^10\.\d{4,9}\/\S+$/, 'a DOI such as 10.1176/appi.ajp.2016.16010037')
      .optional(),
    accessed: IsoDateSchema,
  })
  .refine((reference) => reference.url !== undefined || reference.doi !== undefined, {
    message: 'a reference needs a url, a doi or both',
    path: ['url'],
  });

/** A source the library cites: id, full citation, url and/or doi, and when it was read. */
export type Reference = z.infer<typeof ReferenceSchema>;
