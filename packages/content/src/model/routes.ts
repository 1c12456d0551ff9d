import * as z from 'zod';

/** Routes of administration a practice may offer; consent sections can be limited to some. */
export const ROUTES = ['iv', 'im', 'oral-sublingual', 'intranasal-esketamine'] as const;

/** A route of administration id. */
export const RouteSchema = z.enum(ROUTES);

/** A route of administration id: `iv`, `im`, `oral-sublingual` or `intranasal-esketamine`. */
export type Route = z.infer<typeof RouteSchema>;

/** Locales the library is written in. */
export const LOCALES = ['en', 'es'] as const;

/** A locale of the library. */
export const LocaleSchema = z.enum(LOCALES);

/** A locale of the library: `en` or `es`. */
export type Locale = z.infer<typeof LocaleSchema>;
