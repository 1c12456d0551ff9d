import { LocaleSchema, ROUTES } from '@groundwork/content';
import * as z from 'zod';
import { field, parseForm } from '../forms.server';
import { handoutCatalogue } from '../documents/catalogue.server';

/** Oldest date of birth the form accepts. */
const EARLIEST_BIRTH_DATE = '1900-01-01';

/** A date of birth typed as YYYY-MM-DD: a real day, not in the future. */
export const BirthDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date of birth like 1980-04-23.')
  .refine((value) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
  }, 'Enter a date that exists.')
  .refine(
    (value) => value >= EARLIEST_BIRTH_DATE && value <= new Date().toISOString().slice(0, 10),
    'Enter a date of birth between 1900 and today.',
  );

/** The new-packet form: patient, language, handouts and the consent form's routes. */
export const PacketFormSchema = z
  .object({
    patientName: z
      .string()
      .trim()
      .min(1, 'Enter the patient’s name.')
      .max(120, 'Use at most 120 characters.'),
    patientEmail: z
      .string()
      .trim()
      .max(254, 'Use at most 254 characters.')
      .pipe(z.email('Enter an e-mail address like name@example.org.')),
    patientBirthDate: BirthDateSchema,
    locale: LocaleSchema.refine((locale) => locale === 'en' || locale === 'es', {
      message: 'Choose English or Spanish.',
    }),
    handouts: z.array(z.string()).max(10, 'Choose at most 10 handouts.'),
    consent: z.enum(['yes', 'no'], { message: 'Say whether to include the consent form.' }),
    routes: z.array(z.enum(ROUTES, { message: 'Choose routes from the list.' })),
  })
  .superRefine((form, context) => {
    const available = new Set(
      handoutCatalogue()
        .filter((choice) => choice.titles[form.locale])
        .map((choice) => choice.id),
    );
    const unknown = form.handouts.filter((id) => !available.has(id));
    if (unknown.length > 0) {
      context.addIssue({
        code: 'custom',
        path: ['handouts'],
        message: `Choose handouts from the list (not available in this language: ${unknown.join(', ')}).`,
      });
    }
    if (form.consent === 'yes' && form.routes.length === 0) {
      context.addIssue({
        code: 'custom',
        path: ['routes'],
        message: 'Choose at least one route of administration for the consent form.',
      });
    }
    if (form.consent === 'no' && form.handouts.length === 0) {
      context.addIssue({
        code: 'custom',
        path: ['handouts'],
        message: 'Choose at least one handout or include the consent form.',
      });
    }
  });

/** A parsed new-packet form. */
export type PacketForm = z.infer<typeof PacketFormSchema>;

/** Reads the new-packet form from a posted body. */
export function parsePacketForm(formData: FormData) {
  const all = (name: string) =>
    formData.getAll(name).filter((value): value is string => typeof value === 'string');
  return parseForm(PacketFormSchema, formData, {
    patientName: field(formData, 'patientName'),
    patientEmail: field(formData, 'patientEmail'),
    patientBirthDate: field(formData, 'patientBirthDate'),
    locale: field(formData, 'locale') || 'en',
    handouts: [...new Set(all('handouts'))],
    consent: field(formData, 'consent') || 'no',
    routes: [...new Set(all('routes'))],
  });
}
