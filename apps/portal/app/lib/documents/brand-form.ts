import { type BrandKitInput, TYPEFACE_IDS } from '@groundwork/pdf/brand';

/**
 * The brand-kit form: field names, how they map onto @groundwork/pdf's brand
 * kit, and defaults. Browser-safe (imports only `@groundwork/pdf/brand`), so
 * the page's live contrast check and the server share one definition.
 */

/** Default colours and typeface of a practice that has not saved a brand kit yet. */
export const DEFAULT_BRAND = {
  primaryColor: '#1F4E79',
  accentColor: '#2E7D6B',
  typeface: 'inter',
} as const;

/** The text fields of the brand-kit form, as posted. */
export interface BrandFormValues {
  primaryColor: string;
  accentColor: string;
  typeface: string;
  address: string;
  phone: string;
  emergencyPhone: string;
  website: string;
  footerNote: string;
}

/** Form field names, in the order the form shows them. */
export const BRAND_FORM_FIELDS = [
  'primaryColor',
  'accentColor',
  'typeface',
  'address',
  'phone',
  'emergencyPhone',
  'website',
  'footerNote',
] as const satisfies ReadonlyArray<keyof BrandFormValues>;

const ISSUE_PATH_TO_FIELD: Record<string, string> = {
  'colours.primary': 'primaryColor',
  'colours.accent': 'accentColor',
  typeface: 'typeface',
  'practice.address': 'address',
  'practice.phone': 'phone',
  'practice.emergencyPhone': 'emergencyPhone',
  'practice.website': 'website',
  'practice.name': 'practiceName',
  footerNote: 'footerNote',
  logo: 'logo',
};

/** The form field a brand-kit schema issue belongs to (`colours.primary` → `primaryColor`). */
export function fieldForIssuePath(path: ReadonlyArray<PropertyKey>): string {
  const dotted = path.map(String).join('.');
  return ISSUE_PATH_TO_FIELD[dotted] ?? ISSUE_PATH_TO_FIELD[String(path[0])] ?? 'form';
}

const optional = (value: string): string | undefined => {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

/** Builds @groundwork/pdf's brand-kit input from the form (the logo is added separately). */
export function brandKitInputFromForm(
  values: BrandFormValues,
  practiceName: string,
): BrandKitInput {
  return {
    practice: {
      name: practiceName,
      address: optional(values.address),
      phone: optional(values.phone),
      emergencyPhone: optional(values.emergencyPhone),
      website: optional(values.website),
    },
    colours: { primary: values.primaryColor.trim(), accent: values.accentColor.trim() },
    typeface: values.typeface as (typeof TYPEFACE_IDS)[number],
    footerNote: optional(values.footerNote),
  };
}

/** Reads the brand-kit text fields out of posted form data (absent fields are empty). */
export function brandFormValues(formData: FormData): BrandFormValues {
  const read = (name: keyof BrandFormValues) => {
    const value = formData.get(name);
    return typeof value === 'string' ? value : '';
  };
  return {
    primaryColor: read('primaryColor'),
    accentColor: read('accentColor'),
    typeface: read('typeface'),
    address: read('address'),
    phone: read('phone'),
    emergencyPhone: read('emergencyPhone'),
    website: read('website'),
    footerNote: read('footerNote'),
  };
}

/** Whether a value is one of the bundled typeface ids. */
export function isTypefaceId(value: string): value is (typeof TYPEFACE_IDS)[number] {
  return (TYPEFACE_IDS as readonly string[]).includes(value);
}
