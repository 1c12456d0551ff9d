import type { GlyphCoverage } from './glyph-coverage.js';

/**
 * One emoji as a reader sees it: a flag (two regional indicators), a keycap,
 * or a pictograph with an optional skin-tone modifier, joined by ZWJ to more
 * of the same (variation selectors are gone by now: see sanitise.ts).
 */
const EMOJI_CLUSTER =
  /\p{Regional_Indicator}{2}|[#*0-9]\u20E3|\p{Extended_Pictographic}\p{Emoji_Modifier}?(?:\u200D\p{Extended_Pictographic}\p{Emoji_Modifier}?)*/gu;

/**
 * Zero-width non-joiner: put between two characters the emoji face draws, it
 * keeps react-pdf from drawing the second with the brand face (see below).
 * Noto Sans Arabic, in every stack ahead of the emoji face, draws it with no width.
 */
export const EMOJI_SEPARATOR = '\u200C';

/** An emoji sequence the bundled face cannot draw whole, and what was drawn instead. */
export interface SimplifiedEmoji {
  sequence: string;
  drawn: string;
}

/**
 * Makes every emoji drawable by react-pdf with the bundled Noto Emoji face.
 *
 * - A sequence (ZWJ, skin tone, flag, keycap) the face cannot draw as one
 *   glyph falls back to its first emoji, and is reported. ZWJ sequences always
 *   do: U+200D is in Noto Sans Arabic, which comes first in the stack, so
 *   react-pdf splits the sequence between two faces and the ligature never forms.
 * - react-pdf's emoji step cuts a text fragment after each emoji; a fragment
 *   that starts inside a run drawn by the same fallback face gets the brand
 *   face back (textkit merges the fragment's font stack over the substituted
 *   font), so the second of two adjacent emoji was drawn as NO GLYPH. A
 *   {@link EMOJI_SEPARATOR} between them starts a new run.
 */
export function prepareEmoji(
  text: string,
  coverage: GlyphCoverage,
): { text: string; simplified: SimplifiedEmoji[] } {
  const simplified: SimplifiedEmoji[] = [];
  let out = '';
  let last = 0;
  for (const match of text.matchAll(EMOJI_CLUSTER)) {
    const sequence = match[0];
    const start = match.index;
    out += text.slice(last, start);
    last = start + sequence.length;
    const first = String.fromCodePoint(sequence.codePointAt(0) ?? 0);
    let drawn = sequence;
    if (sequence !== first && !coverage.emojiFaceDrawsWhole(sequence)) {
      drawn = first;
      simplified.push({ sequence, drawn });
    }
    out += drawn;
    const next = text.codePointAt(last);
    if (next !== undefined && coverage.inEmojiFace(next)) out += EMOJI_SEPARATOR;
  }
  return { text: out + text.slice(last), simplified };
}
