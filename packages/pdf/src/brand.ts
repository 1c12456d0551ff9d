// Browser-safe entry (`@groundwork/pdf/brand`): no react-pdf, no node: imports.
export {
  BrandKitSchema,
  BrandKitStrictSchema,
  brandKitIssues,
  parseBrandKit,
} from './brand/brand-kit.js';
export { BrandKitError } from './errors.js';
export type { FieldIssue } from './errors.js';
export type { BrandKit, BrandKitInput, BrandKitIssue, Logo } from './brand/brand-kit.js';
export {
  AA_TEXT_CONTRAST,
  checkTextColour,
  contrastRatio,
  darkenToContrast,
  isHexColour,
  parseHexColour,
  relativeLuminance,
  toHexColour,
} from './brand/colour.js';
export type { Rgb, TextColourCheck } from './brand/colour.js';
export {
  decodeBase64Image,
  inspectLogo,
  LogoError,
  MAX_LOGO_BYTES,
  MAX_LOGO_PIXELS,
  MAX_LOGO_SIDE,
  sniffImageFormat,
} from './brand/logo.js';
export type { LogoFormat, LogoInfo } from './brand/logo.js';
export { TYPEFACE_IDS, TYPEFACES } from './brand/typefaces.js';
export type { Typeface, TypefaceId } from './brand/typefaces.js';
export { sanitiseLine, sanitiseText } from './text/sanitise.js';
export { PAPER_SIZES } from './paper.js';
export type { PaperSize } from './paper.js';
