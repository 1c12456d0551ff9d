import english from 'hyphen/en-us/index.js';
import spanish from 'hyphen/es/index.js';
import { memoisingAllowed } from './private-text.js';

/** Longest piece of a word kept together when nothing better exists; longer runs are cut. */
export const MAX_WORD_PIECE = 14;

/** A react-pdf hyphenation callback: a word in, its breakable pieces out. */
export type HyphenationCallback = (word: string) => string[];

const SOFT_HYPHEN = '\u00AD';
const NO_BREAK_SPACE = '\u00A0';
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

function cutLongPiece(piece: string): string[] {
  return piece.length <= MAX_WORD_PIECE ? [piece] : cutEvery(piece, MAX_WORD_PIECE);
}

// A scheme, "www.", or a dot between two letters ("fda.gov/news", "riverside.example").
const URL_LIKE = /^[("'[<]*(?:[a-z][a-z0-9+.-]*:\/\/|www\.)|[\p{L}\p{N}]\.[\p{L}]/iu;
const EMAIL_LIKE = /^[("'[<]*[^\s@]+@[^\s@]+\.[^\s@]+$/u;
// Phone numbers, dates, times, ranges and codes: digits with punctuation and (no-break) spaces.
const NUMBER_LIKE = /^[\p{N}\p{P}\p{S}\s]*\p{N}[\p{N}\p{P}\p{S}\s]*$/u;

/**
 * Whether a token is a URL, an e-mail address or a number (phone, date,
 * code), which is never hyphenated: textkit draws a hyphen at every break
 * inside a word, so "fda-approves" became "fda--approves". Addresses break
 * instead where {@link addressSegments} allows, via `AddressText`.
 */
export function isAddressOrNumber(word: string): boolean {
  return isAddress(word) || NUMBER_LIKE.test(word);
}

function isAddress(word: string): boolean {
  return EMAIL_LIKE.test(word) || URL_LIKE.test(word);
}

/**
 * Longest number or hyphenated word kept whole (about a narrow column's
 * width at heading size; an address: 40 characters); a longer one is cut like
 * any long run so it cannot leave the page.
 */
export const MAX_WHOLE_TOKEN = 24;

/** Segments of an address longer than this also break after "-" or "_", and are cut if still longer. */
export const MAX_ADDRESS_SEGMENT = 24;

/**
 * Where a URL or e-mail address may break: after each "/" or "." (e-mail:
 * also after "@"), never inside "://". Only a segment longer than
 * {@link MAX_ADDRESS_SEGMENT} (a slug such as "fda-approves-new-nasal-...")
 * also breaks after its own "-" or "_", and a run still longer is cut, so no
 * address can leave the page.
 */
export function addressSegments(address: string): string[] {
  const after = EMAIL_LIKE.test(address) ? /(?<=[.@])/u : /(?<=[/.])(?!\/)/u;
  return address
    .split(after)
    .filter(Boolean)
    .flatMap((segment) =>
      segment.length > MAX_ADDRESS_SEGMENT ? segment.split(/(?<=[-_])/u) : [segment],
    )
    .flatMap((segment) =>
      segment.length > MAX_ADDRESS_SEGMENT ? cutEvery(segment, MAX_WORD_PIECE) : [segment],
    );
}

function cutEvery(text: string, size: number): string[] {
  const pieces: string[] = [];
  let current = '';
  let count = 0;
  for (const { segment } of graphemes.segment(text)) {
    // Never end a piece on a hyphen: the break would draw a second one.
    if (count >= size && !/[-\u2010]$/u.test(current)) {
      pieces.push(current);
      current = '';
      count = 0;
    }
    current += segment;
    count++;
  }
  if (current) pieces.push(current);
  return pieces;
}

/** An ordinary word: syllables from the patterns; a word that already has a hyphen is kept whole (see {@link isAddressOrNumber}). */
function wordPieces(word: string, patterns: typeof english): string[] {
  if (word.includes(NO_BREAK_SPACE)) {
    // Glued by no-break spaces ("Phone\u00A0(555)", "Northwest,\u00A0·"): never
    // break at one; hyphenate the parts between them.
    const pieces: string[] = [];
    for (const [index, part] of word.split(NO_BREAK_SPACE).entries()) {
      const [first = '', ...rest] = part ? wordPieces(part, patterns) : [''];
      if (index > 0) pieces.push(`${pieces.pop() ?? ''}${NO_BREAK_SPACE}${first}`);
      else pieces.push(first);
      pieces.push(...rest);
    }
    return pieces.filter((piece, index) => piece !== '' || index === 0);
  }
  if (word.includes(SOFT_HYPHEN)) return word.split(SOFT_HYPHEN).flatMap(cutLongPiece);
  // Letters only: the patterns mishandle digits and punctuation inside very long tokens.
  if (word.length > 60) return cutLongPiece(word);
  if (/[-\u2010]/u.test(word)) return word.length <= MAX_WHOLE_TOKEN ? [word] : cutLongPiece(word);
  return patterns
    .hyphenateSync(word, { hyphenChar: SOFT_HYPHEN })
    .split(SOFT_HYPHEN)
    .flatMap(cutLongPiece);
}

const callbacks = new Map<string, HyphenationCallback>();
const memos = new Map<string, Map<string, string[]>>();

/**
 * A hyphenation callback for a locale (`en` or `es`): language patterns find
 * the syllables, and any run still longer than {@link MAX_WORD_PIECE}
 * characters (a 5,000-letter word) is cut so it can never run off the page.
 * URLs, e-mail addresses, phone numbers and other numbers (up to 60
 * characters), and words that already have a hyphen, are never hyphenated.
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
    // An address longer than a line is still cut (with hyphens): AddressText
    // breaks the ones the components know about (websites, e-mails, references).
    const whole =
      isAddressOrNumber(word) && word.length <= (isAddress(word) ? 40 : MAX_WHOLE_TOKEN);
    const pieces = whole ? [word] : wordPieces(word, patterns);
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
