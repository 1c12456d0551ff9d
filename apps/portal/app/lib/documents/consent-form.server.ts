import { LocaleSchema, RouteSchema } from '@groundwork/content';
import * as z from 'zod';
import type { ConsentRequest } from './document-pdfs.server';
import { PaperSchema } from './handout-selection.server';

/**
 * The consent generator's form. Patient name and date are optional, used for
 * the one response that prints them, and never stored, logged or cached.
 */
export const ConsentFormSchema = z.object({
  routes: z
    .array(RouteSchema, { error: 'must be routes this form covers' })
    .min(1, 'choose at least one route of administration'),
  locale: LocaleSchema,
  paper: PaperSchema,
  patientName: z
    .string()
    .trim()
    .max(120, 'must be at most 120 characters')
    .transform((value) => value || undefined),
  date: z
    .string()
    .trim()
    .refine(
      (value) => value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value),
      'must be a date like 2026-11-21',
    )
    .refine(
      (value) => value === '' || !Number.isNaN(Date.parse(`${value}T00:00:00Z`)),
      'must be a real date',
    )
    .transform((value) => value || undefined),
});

/** Reads the consent form from a posted form body. */
export function parseConsentForm(formData: FormData) {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === 'string' ? value : '';
  };
  const result = ConsentFormSchema.safeParse({
    routes: formData.getAll('route').filter((value) => typeof value === 'string'),
    locale: text('locale') || 'en',
    paper: text('paper') || 'LETTER',
    patientName: text('patientName'),
    date: text('date'),
  });
  return result.success
    ? { ok: true as const, request: result.data satisfies ConsentRequest }
    : { ok: false as const, issues: result.error.issues };
}
