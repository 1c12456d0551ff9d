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
    /** PubMed identifier. */
    pmid: z
      .string()
      .regex(/^[1-9]\d{0,8}$/, 'a PubMed id such as 34421148')
      .optional(),
    /** DailyMed set id of a drug label (the label's revision read goes in the citation). */
    setid: z
      .string()
      .regex(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
        'a DailyMed set id such as d81a6a79-a74a-44b7-822c-0dfa3036eaed',
      )
      .optional(),
    /** A Federal Register citation (`90 FR 61301`) or a CFR part or section (`21 CFR 1301`). */
    fr: z
      .string()
      .regex(
        /^\d+ (?:FR|CFR) \d+(?:\.\d+)?$/,
        'a Federal Register or CFR citation such as 90 FR 61301 or 21 CFR 1301',
      )
      .optional(),
    accessed: IsoDateSchema,
  })
  .refine(
    (reference) =>
      reference.url !== undefined || reference.doi !== undefined || reference.pmid !== undefined,
    {
      message: 'a reference needs a url, a doi or a pmid',
      path: ['url'],
    },
  );

/**
 * A source the library cites: id, full citation, where to find it (url, doi,
 * pmid, DailyMed setid, Federal Register or CFR citation) and when it was read.
 */
export type Reference = z.infer<typeof ReferenceSchema>;
