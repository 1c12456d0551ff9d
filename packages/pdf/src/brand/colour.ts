/** WCAG 2.x AA minimum contrast for body text. */
export const AA_TEXT_CONTRAST = 4.5;

/** A colour as 0-255 red, green and blue channels. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

const HEX_COLOUR = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** True when the value is a `#RGB` or `#RRGGBB` hex colour. */
export function isHexColour(value: string): boolean {
  return HEX_COLOUR.test(value);
}

/** Parses `#RGB` or `#RRGGBB` (the `#` is optional); throws a message naming the value otherwise. */
export function parseHexColour(value: string): Rgb {
  const match = HEX_COLOUR.exec(value.trim());
  if (!match?.[1]) {
    throw new Error(`Expected a hex colour like #1A4D8F, received ${JSON.stringify(value)}`);
  }
  const digits =
    match[1].length === 3 ? [...match[1]].map((digit) => digit + digit).join('') : match[1];
  return {
    r: Number.parseInt(digits.slice(0, 2), 16),
    g: Number.parseInt(digits.slice(2, 4), 16),
    b: Number.parseInt(digits.slice(4, 6), 16),
  };
}

/** Formats a colour as upper-case `#RRGGBB`. */
export function toHexColour({ r, g, b }: Rgb): string {
  const channel = (value: number) =>
    Math.round(Math.min(255, Math.max(0, value)))
      .toString(16)
      .padStart(2, '0');
  return `#${channel(r)}${channel(g)}${channel(b)}`.toUpperCase();
}

/** WCAG relative luminance of a hex colour (0 for black, 1 for white). */
export function relativeLuminance(colour: string): number {
  const { r, g, b } = parseHexColour(colour);
  const linear = (value: number) => {
    const srgb = value / 255;
    return srgb <= 0.04045 ? srgb / 12.92 : ((srgb + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio between two hex colours, from 1 (none) to 21 (black on white). */
export function contrastRatio(foreground: string, background = '#FFFFFF'): number {
  const a = relativeLuminance(foreground);
  const b = relativeLuminance(background);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/**
 * The lightest shade of `colour` (same hue, mixed towards black) that reaches
 * `minimum` contrast on `background`. Returns the colour itself when it already passes.
 */
export function darkenToContrast(
  colour: string,
  {
    background = '#FFFFFF',
    minimum = AA_TEXT_CONTRAST,
  }: { background?: string; minimum?: number } = {},
): string {
  const original = toHexColour(parseHexColour(colour));
  if (contrastRatio(original, background) >= minimum) return original;
  const rgb = parseHexColour(original);
  const shade = (keep: number) =>
    toHexColour({ r: rgb.r * keep, g: rgb.g * keep, b: rgb.b * keep });
  // Binary search on how much of the colour to keep; black always passes on white.
  let passing = 0;
  let failing = 1;
  for (let step = 0; step < 24; step++) {
    const middle = (passing + failing) / 2;
    if (contrastRatio(shade(middle), background) >= minimum) passing = middle;
    else failing = middle;
  }
  return shade(passing);
}

/** The outcome of checking a brand colour for use as text on white paper. */
export interface TextColourCheck {
  /** The colour checked, as `#RRGGBB`. */
  colour: string;
  /** Its contrast ratio against white, rounded to two decimals. */
  ratio: number;
  /** Whether it reaches WCAG AA (4.5:1) for body text. */
  passes: boolean;
  /** The colour to use for text: the colour itself, or a darker shade that passes. */
  textColour: string;
  /** A human sentence saying why it fails and what to use instead (undefined when it passes). */
  message?: string;
}

/** Checks a colour for text on white and suggests a passing shade when it fails. */
export function checkTextColour(colour: string, label = 'colour'): TextColourCheck {
  const normalised = toHexColour(parseHexColour(colour));
  const ratio = Math.round(contrastRatio(normalised) * 100) / 100;
  const passes = contrastRatio(normalised) >= AA_TEXT_CONTRAST;
  const textColour = darkenToContrast(normalised);
  return {
    colour: normalised,
    ratio,
    passes,
    textColour,
    ...(passes
      ? {}
      : {
          message: `The ${label} ${normalised} has a contrast ratio of ${ratio.toFixed(2)}:1 against white paper; text needs at least ${AA_TEXT_CONTRAST}:1 (WCAG AA) to be readable. Try ${textColour} (${contrastRatio(textColour).toFixed(2)}:1), a darker shade of the same hue.`,
        }),
  };
}
