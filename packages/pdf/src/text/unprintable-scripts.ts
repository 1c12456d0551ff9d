// Writing systems the bundled fonts can print, and a plain check for text in
// any other. Browser-safe (no font files): brand-kit parsing runs it in forms.
//
// CJK is refused rather than printed: a CJK face holds tens of thousands of
// glyphs (Noto Sans CJK is over 15 MB per weight), many times this package,
// and subsetting at render time keeps PDFs small but still needs the whole
// face shipped. Refused, a practice name in Chinese, Japanese or Korean gets a
// clear message in the brand-kit form instead of "????" on every page.

/** Scripts with a bundled font (besides digits, punctuation, symbols and emoji, which every document can use). */
export const PRINTABLE_SCRIPTS = ['Latin', 'Greek', 'Cyrillic', 'Arabic', 'Hebrew'] as const;

const UNPRINTABLE =
  /[^\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Common}\p{Script=Inherited}]/u;

// Named in messages; any other script is "another writing system".
const NAMED_SCRIPTS: [name: string, pattern: RegExp][] = [
  ['Chinese (Han)', /\p{Script=Han}/u],
  ['Japanese kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Korean (Hangul)', /\p{Script=Hangul}/u],
  ['Bopomofo', /\p{Script=Bopomofo}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Bengali', /\p{Script=Bengali}/u],
  ['Tamil', /\p{Script=Tamil}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Georgian', /\p{Script=Georgian}/u],
  ['Ethiopic', /\p{Script=Ethiopic}/u],
];

/** Names the scripts of `text` that no bundled font prints, in order of first use (empty when all print). */
export function unprintableScripts(text: string): string[] {
  if (!UNPRINTABLE.test(text)) return [];
  const found = new Set<string>();
  for (const character of text) {
    if (!UNPRINTABLE.test(character)) continue;
    const named = NAMED_SCRIPTS.find(([, pattern]) => pattern.test(character));
    found.add(named ? named[0] : 'another writing system');
  }
  return [...found];
}

/**
 * The message for a field written in scripts no bundled font prints, or
 * undefined when it prints: it says which scripts it found and which are supported.
 */
export function unprintableScriptsMessage(text: string): string | undefined {
  const scripts = unprintableScripts(text);
  if (scripts.length === 0) return undefined;
  const first = [...text].find((character) => UNPRINTABLE.test(character)) ?? '';
  return `uses ${scripts.join(', ')} (such as "${first}"), which the bundled fonts cannot print; supported scripts are ${PRINTABLE_SCRIPTS.slice(0, -1).join(', ')} and ${PRINTABLE_SCRIPTS.at(-1)}, plus digits, punctuation and emoji. Write it in one of those (a romanised name, for example).`;
}
