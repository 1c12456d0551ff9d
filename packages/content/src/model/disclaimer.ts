import type { Locale } from './routes.js';

/**
 * The standard disclaimer per locale, used by every document whose front
 * matter does not give its own.
 */
export const STANDARD_DISCLAIMER: Readonly<Record<Locale, string>> = {
  en: 'This document is general information, not medical or legal advice. A licensed clinician decides whether ketamine treatment is right for each patient and how it is given.',
  es: 'Este documento ofrece información general y no es un consejo médico ni legal. Un profesional clínico con licencia decide si el tratamiento con ketamina es adecuado para cada paciente y cómo se administra.',
};
