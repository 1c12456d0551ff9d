// Characters removed before layout. Format characters (Cf) cover bidi
// embeddings/overrides/isolates, zero-width spaces and joiners, the BOM, word
// joiners and tag characters; soft hyphen U+00AD is kept as a break hint, and
// so is a zero-width joiner between two pictographs (an emoji ZWJ sequence
// such as 👩‍⚕️, which the renderer draws or simplifies as one emoji).
const FORMAT =
  /(?!\u00AD)(?!(?<=\p{Extended_Pictographic}\p{Emoji_Modifier}?\uFE0F?)\u200D(?=\p{Extended_Pictographic}))\p{Cf}/gu;
// Control characters other than newline (tabs are turned into spaces first).
const CONTROL = /(?!\n)\p{Cc}/gu;
// Lone surrogates, private-use and unassigned code points draw nothing useful.
const UNDRAWABLE = /[\p{Cs}\p{Co}\p{Cn}]/gu;
// Variation selectors only pick glyph styles no bundled font has.
const VARIATION_SELECTORS = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;
// Stacks of combining marks ("zalgo") beyond a few per letter would paint over other lines.
const MARK_STACK = /(\p{M}{3})\p{M}+/gu;
// A combining mark with no letter before it has nothing to attach to, and the
// layout engine crashes on a line that starts with one.
const ORPHAN_MARKS = /(^|\s)\p{M}+/gu;

/**
 * Cleans a text value before layout: normalises to NFC, turns tabs and line or
 * paragraph separators into spaces or newlines, and removes control
 * characters, lone surrogates, bidi overrides and other invisible format
 * characters, variation selectors, private-use code points and runaway stacks
 * of combining marks. Pure and browser-safe.
 */
export function sanitiseText(value: string): string {
  return (
    value
      // toWellFormed replaces lone surrogates with U+FFFD; drop them instead.
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .normalize('NFC')
      .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
      .replace(/[\t\v\f]/g, ' ')
      .replace(CONTROL, '')
      .replace(FORMAT, '')
      .replace(VARIATION_SELECTORS, '')
      .replace(UNDRAWABLE, '')
      .replace(MARK_STACK, '$1')
      .replace(ORPHAN_MARKS, '$1')
  );
}

/** {@link sanitiseText} for a single-line field: newlines become spaces, runs of spaces collapse and ends are trimmed. */
export function sanitiseLine(value: string): string {
  return sanitiseText(value).replace(/\s+/g, ' ').trim();
}
