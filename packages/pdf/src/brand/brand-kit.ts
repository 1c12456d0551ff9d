import * as z from 'zod';
import { sanitiseLine, sanitiseText } from '../text/sanitise.js';
import { unprintableScriptsMessage } from '../text/unprintable-scripts.js';
import { checkTextColour, isHexColour, parseHexColour, toHexColour } from './colour.js';
import { decodeLogo } from './decode-logo.js';
import { decodeBase64Image, inspectLogo, LogoError, type LogoFormat } from './logo.js';
import { TYPEFACE_IDS } from './typefaces.js';
import { BrandKitError, type FieldIssue } from '../errors.js';

/** Refuses text in a script no bundled font prints (CJK, say) instead of printing "????". */
const printable = (value: string, context: z.RefinementCtx) => {
  const message = unprintableScriptsMessage(value);
  if (message) context.addIssue({ code: 'custom', message });
};

const line = (max: number) =>
  z
    .string()
    .max(max * 4, `must be at most ${max} characters`)
    .transform(sanitiseLine)
    .pipe(z.string().max(max, `must be at most ${max} characters`))
    .superRefine(printable);

const hexColour = z
  .string()
  .refine(isHexColour, { message: 'must be a hex colour like #1A4D8F' })
  .transform((value) => toHexColour(parseHexColour(value)));

/** Longest website accepted (it is printed on every letterhead). */
export const MAX_WEBSITE_LENGTH = 200;

const website = z
  .string()
  .trim()
  .max(MAX_WEBSITE_LENGTH, `must be at most ${MAX_WEBSITE_LENGTH} characters`)
  .refine((value) => /^https?:\/\//i.test(value), {
    message: 'must start with http:// or https://',
  })
  .pipe(z.url({ protocol: /^https?$/, message: 'must be a valid http:// or https:// address' }))
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return url.username === '' && url.password === '';
      } catch {
        return true; // Already reported as not a valid address.
      }
    },
    {
      message:
        'must not contain a user name or password (user:password@): the address is printed on every document',
    },
  )
  .superRefine(printable);

/**
 * A practice logo after it decoded completely: the bytes to embed (a PNG
 * re-encoded as plain 8-bit RGB or RGBA, a JPEG as given) plus its size.
 */
export interface Logo {
  bytes: Uint8Array;
  format: LogoFormat;
  width: number;
  height: number;
}

const logo = z
  .union([z.custom<Uint8Array>((value) => value instanceof Uint8Array), z.string()], {
    message: 'must be PNG or JPEG bytes, base64 text or a data: URL',
  })
  .transform((value, context): Logo => {
    try {
      const bytes = typeof value === 'string' ? decodeBase64Image(value) : value;
      return decodeLogo(inspectLogo(bytes), bytes);
    } catch (error) {
      context.addIssue({
        code: 'custom',
        message: error instanceof LogoError ? error.message : 'could not be read as an image',
      });
      return z.NEVER;
    }
  });

/**
 * A practice's brand kit as accepted from users (a form, a `brand.json`):
 * names and contact details, logo, colours, typeface and footer note. Text is
 * sanitised on parse. Colours that are too light for text on white are kept
 * as given and darkened for text use when rendering; see
 * {@link BrandKitStrictSchema} to reject them instead.
 */
export const BrandKitSchema = z.object({
  practice: z.object({
    name: line(120).refine((value) => value.length > 0, {
      message: 'must contain at least one visible character',
    }),
    address: line(300).optional(),
    phone: line(40).optional(),
    emergencyPhone: line(40).optional(),
    website: website.optional(),
    email: z.email({ message: 'must be an email address' }).optional(),
  }),
  logo: logo.optional(),
  colours: z
    .object({
      primary: hexColour.default('#1F4E79'),
      accent: hexColour.default('#2E7D6B'),
    })
    .default({ primary: '#1F4E79', accent: '#2E7D6B' }),
  typeface: z.enum(TYPEFACE_IDS).default('inter'),
  footerNote: z
    .string()
    .max(1200)
    .transform((value) => sanitiseText(value).trim())
    .pipe(z.string().max(300, 'must be at most 300 characters'))
    .superRefine(printable)
    .optional(),
});

/** A brand kit as a user may supply it (before parsing). */
export type BrandKitInput = z.input<typeof BrandKitSchema>;
/** A parsed, sanitised brand kit. */
export type BrandKit = z.output<typeof BrandKitSchema>;

/** A problem with a brand kit that does not stop rendering. */
export interface BrandKitIssue {
  /** Dotted path of the field, such as `colours.primary`. */
  field: string;
  /** What is wrong, why it matters and what to use instead. */
  message: string;
  /** A replacement value that fixes it, when there is one. */
  suggestion?: string;
}

/**
 * Contrast problems in a parsed brand kit: each colour used for text (primary
 * for headings, accent for links and rules) must reach WCAG AA 4.5:1 on
 * white. Rendering darkens a failing colour automatically; this says so.
 */
export function brandKitIssues(brandKit: BrandKit): BrandKitIssue[] {
  const issues: BrandKitIssue[] = [];
  for (const key of ['primary', 'accent'] as const) {
    const check = checkTextColour(brandKit.colours[key], `${key} colour`);
    if (!check.passes && check.message) {
      issues.push({
        field: `colours.${key}`,
        message: `${check.message} Until then, text uses ${check.textColour}.`,
        suggestion: check.textColour,
      });
    }
  }
  return issues;
}

/**
 * {@link BrandKitSchema} that rejects colours failing WCAG AA for text on
 * white, with a message giving the ratio and a passing shade. Use it where a
 * person can fix the colour straight away (a settings form).
 */
export const BrandKitStrictSchema = BrandKitSchema.superRefine((brandKit, context) => {
  for (const key of ['primary', 'accent'] as const) {
    const check = checkTextColour(brandKit.colours[key], `${key} colour`);
    if (!check.passes && check.message) {
      context.addIssue({ code: 'custom', path: ['colours', key], message: check.message });
    }
  }
});

/** zod issues as one {@link FieldIssue} per bad field. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join('.') : '(root)',
    message: issue.message,
  }));
}

/** Formats zod issues as one line per field, for error messages and CLIs. */
export function describeIssues(error: z.ZodError): string {
  return fieldIssues(error)
    .map((issue) => `${issue.field}: ${issue.message}`)
    .join('\n');
}

/**
 * Parses a brand kit, throwing a {@link BrandKitError} that names every bad field.
 * `contrast: 'reject'` applies {@link BrandKitStrictSchema}.
 */
export function parseBrandKit(
  input: unknown,
  { contrast = 'darken' }: { contrast?: 'darken' | 'reject' } = {},
): BrandKit {
  const schema = contrast === 'reject' ? BrandKitStrictSchema : BrandKitSchema;
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new BrandKitError(fieldIssues(result.error), { cause: result.error });
  }
  return result.data;
}
