import type { LoaderFunctionArgs } from '@remix-run/node';
import { brandCss } from '../lib/documents/brand-css';
import { currentRenderBrand } from '../lib/documents/brand-kit.server';
import { findPatientLink } from '../lib/packets/patient-link.server';

/** The practice's colours and typeface for the patient's pages (the CSP forbids inline styles). */
export async function loader(args: LoaderFunctionArgs) {
  const found = await findPatientLink(args.context.db, args.params.token);
  if (!found.ok) return new Response('', { status: 404, headers: { 'Content-Type': 'text/css' } });
  const brand = await currentRenderBrand(args.context.db, found.link.practice);
  const css = brandCss({
    primary: brand.settings.colours.primary,
    accent: brand.settings.colours.accent,
    typeface: brand.settings.typeface,
  });
  return new Response(css, {
    headers: {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    },
  });
}
