import type { BrandKit } from './brand/brand-kit.js';
import { darkenToContrast } from './brand/colour.js';
import { registerTypeface } from './fonts/register-fonts.js';
import { labelsFor, type Labels } from './labels.js';
import type { PaperSize } from './paper.js';
import { type HyphenationCallback, hyphenate } from './text/hyphenate.js';

/** Everything a component needs to look right: fonts, colours, labels, paper and locale. */
export interface Theme {
  brandKit: BrandKit;
  locale: string;
  paper: PaperSize;
  labels: Labels;
  /**
   * react-pdf fontFamily stack of the document: brand face first, fallbacks
   * after, only the families its text can use once known (see `runRender`).
   */
  fontFamily: string[];
  /** The typeface's whole stack, for text only known at layout time (render props). */
  fullFontFamily: string[];
  hyphenate: HyphenationCallback;
  /** OpenType feature overrides for the brand face, if any. */
  fontFeatures?: Record<string, boolean>;
  colours: {
    /** Brand primary, darkened if needed so text on white (and white on it) reaches 4.5:1. */
    primary: string;
    /** Brand accent, darkened the same way. */
    accent: string;
    /** Brand colours as given, for thin decorative rules only. */
    primaryRaw: string;
    accentRaw: string;
    ink: string;
    muted: string;
    rule: string;
    tint: string;
    info: string;
    warning: string;
    urgent: string;
  };
}

/** Builds the theme for a brand kit, registering its fonts with react-pdf on first use. */
export function createTheme({
  brandKit,
  locale,
  paper,
}: {
  brandKit: BrandKit;
  locale: string;
  paper: PaperSize;
}): Theme {
  const stack = registerTypeface(brandKit.typeface);
  return {
    brandKit,
    locale,
    paper,
    labels: labelsFor(locale),
    fontFamily: stack,
    fullFontFamily: stack,
    hyphenate: hyphenate(locale),
    // Inter's contextual alternates were most of fontkit's shaping time and change
    // nothing visible in running text (ligatures and kerning stay on). Other faces
    // have cheap ones, and the per-node cost of the override outweighs the saving.
    ...(brandKit.typeface === 'inter' ? { fontFeatures: { calt: false } } : {}),
    colours: {
      primary: darkenToContrast(brandKit.colours.primary),
      accent: darkenToContrast(brandKit.colours.accent),
      primaryRaw: brandKit.colours.primary,
      accentRaw: brandKit.colours.accent,
      ink: '#1B1F24',
      muted: '#4B5563',
      rule: '#C9CFD6',
      tint: '#F3F5F7',
      info: '#1D4F91',
      warning: '#8A4B00',
      urgent: '#A4161A',
    },
  };
}
