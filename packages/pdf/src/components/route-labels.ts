import type { Route } from '@groundwork/content';

const LABELS: Record<'en' | 'es', Record<Route, string>> = {
  en: {
    iv: 'IV infusion',
    im: 'IM injection',
    'oral-sublingual': 'oral or sublingual ketamine',
    'intranasal-esketamine': 'esketamine nasal spray',
  },
  es: {
    iv: 'infusión intravenosa',
    im: 'inyección intramuscular',
    'oral-sublingual': 'ketamina oral o sublingual',
    'intranasal-esketamine': 'esketamina en aerosol nasal',
  },
};

/** Human names of routes of administration in a locale, for consent headers. */
export function routeLabel(route: Route, locale: string): string {
  return LABELS[locale.startsWith('es') ? 'es' : 'en'][route];
}
