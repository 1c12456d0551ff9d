import type { LoaderFunctionArgs } from '@remix-run/node';
import { brandCss } from '../lib/documents/brand-css';
import { currentRenderBrand } from '../lib/documents/brand-kit.server';
import { requirePracticeAccess } from '../lib/auth/practice-access.server';
import type { PracticeRouteHandle } from '../lib/auth/roles';

/** Who may use this route (checked by practice-isolation.test.ts). */
export const handle: PracticeRouteHandle = { access: { loader: 'staff' } };

/**
 * The practice's brand as a stylesheet for the HTML preview. `primary`,
 * `accent` and `typeface` query parameters override the saved values, so the
 * studio can preview unsaved choices (the CSP forbids inline styles).
 */
export async function loader(args: LoaderFunctionArgs) {
  const { practice } = await requirePracticeAccess(args);
  const brand = await currentRenderBrand(args.context.db, practice);
  const query = new URL(args.request.url).searchParams;
  const css = brandCss({
    primary: query.get('primary') ?? brand.settings.colours.primary,
    accent: query.get('accent') ?? brand.settings.colours.accent,
    typeface: query.get('typeface') ?? brand.settings.typeface,
  });
  return new Response(css, {
    headers: { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'private, no-cache' },
  });
}
