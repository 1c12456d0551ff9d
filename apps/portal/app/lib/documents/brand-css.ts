import { darkenToContrast, isHexColour, toHexColour, parseHexColour } from '@groundwork/pdf/brand';
import { isTypefaceId } from './brand-form';

/** CSS font stacks for the bundled typefaces (the preview's approximation of the PDF fonts). */
export const TYPEFACE_FONT_STACKS: Record<string, string> = {
  inter: '"Inter", "Helvetica Neue", Arial, sans-serif',
  'source-serif-4': '"Source Serif 4", "Source Serif Pro", Georgia, serif',
  'atkinson-hyperlegible': '"Atkinson Hyperlegible", Verdana, sans-serif',
};

/**
 * The brand stylesheet: custom properties the preview's CSS uses. Only
 * validated hex colours and known typeface ids reach the output, so nothing a
 * user typed can inject CSS. Text colours are darkened to pass WCAG AA, as the
 * PDF renderer does.
 */
export function brandCss(brand: { primary: string; accent: string; typeface: string }): string {
  const colour = (value: string, fallback: string) =>
    isHexColour(value) ? toHexColour(parseHexColour(value)) : fallback;
  const primary = colour(brand.primary, '#1F4E79');
  const accent = colour(brand.accent, '#2E7D6B');
  const font = TYPEFACE_FONT_STACKS[isTypefaceId(brand.typeface) ? brand.typeface : 'inter'];
  return `.document-preview {\n  --brand-primary: ${darkenToContrast(primary)};\n  --brand-accent: ${accent};\n  --brand-font: ${font};\n}\n`;
}
