import * as z from 'zod';

/** Locales every ruleset text is written in. */
export const LOCALES = ['en', 'es'] as const;

/** A supported locale. */
export type Locale = (typeof LOCALES)[number];

/** Text in every supported locale (English and Spanish), each non-empty. */
export const LocalizedTextSchema = z.strictObject({
  en: z.string().min(1, 'English text (en) must not be empty'),
  es: z.string().min(1, 'Spanish text (es) must not be empty'),
});

/** Text in every supported locale. */
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Replaces `{name}` placeholders with values; unknown placeholders stay as written. */
export function interpolate(template: string, values: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

/** Placeholder names (`{name}`) used in a template. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)].map((match) => match[1] ?? '');
}
