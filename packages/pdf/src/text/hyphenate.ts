import english from 'hyphen/en-us/index.js';
import spanish from 'hyphen/es/index.js';
import { memoisingAllowed } from './private-text.js';

/** Longest piece of a word kept together when nothing better exists; longer runs are cut. */
export const MAX_WORD_PIECE = 14;

/** A react-pdf hyphenation callback: a word in, its breakable pieces out. */
export type HyphenationCallback = (word: string) => string[];

const SOFT_HYPHEN = '\u00AD';
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

function cutLongPiece(piece: string): string[] {
  if (piece.length <= MAX_WORD_PIECE) return [piece];
  const pieces: string[] = [];
  let current = '';
  let count = 0;
  for (const { segment } of graphemes.segment(piece)) {
    current += segment;
    count++;
    if (count === MAX_WORD_PIECE) {
      pieces.push(current);
      current = '';
      count = 0;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

const callbacks = new Map<string, HyphenationCallback>();
const memos = new Map<string, Map<string, string[]>>();

/**
 * A hyphenation callback for a locale (`en` or `es`): language patterns find
 * the syllables, and any run still longer than {@link MAX_WORD_PIECE}
 * characters (a URL, a 5,000-letter word) is cut so it can never run off the page.
 * Results are memoised per word, bounded in size.
 */
export function hyphenate(locale: string): HyphenationCallback {
  const language = locale.toLowerCase().startsWith('es') ? 'es' : 'en';
  const existing = callbacks.get(language);
  if (existing) return existing;
  const patterns = language === 'es' ? spanish : english;
  const memo = new Map<string, string[]>();
  memos.set(language, memo);
  const callback: HyphenationCallback = (word) => {
    if (word.length < 6) return [word];
    const known = memo.get(word);
    if (known) return known;
    const syllables = word.includes(SOFT_HYPHEN)
      ? word.split(SOFT_HYPHEN)
      : // Letters only: the patterns mishandle digits and punctuation inside very long tokens.
        word.length > 60
        ? [word]
        : patterns.hyphenateSync(word, { hyphenChar: SOFT_HYPHEN }).split(SOFT_HYPHEN);
    const pieces = syllables.flatMap(cutLongPiece);
    // Words of a render with patient details are never kept (see private-text.ts).
    if (memoisingAllowed()) {
      if (memo.size > 50_000) memo.clear();
      memo.set(word, pieces);
    }
    return pieces;
  };
  callbacks.set(language, callback);
  return callback;
}

/** Whether a language's hyphenation memo holds `word` (for tests). */
export function hyphenationMemoHolds(word: string): boolean {
  for (const memo of memos.values()) if (memo.has(word)) return true;
  return false;
}
