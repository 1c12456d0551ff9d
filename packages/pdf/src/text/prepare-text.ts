import { prepareEmoji } from './emoji.js';
import type { GlyphCoverage } from './glyph-coverage.js';
import { sanitiseText } from './sanitise.js';

/** Something worth telling the caller about a render that still produced a PDF. */
export interface RenderWarning {
  /**
   * `missing-glyphs`: characters no bundled font can draw; `emoji-fallback`:
   * emoji sequences drawn as their first emoji; `brand-kit`: a brand kit value
   * was adjusted.
   */
  kind: 'missing-glyphs' | 'emoji-fallback' | 'brand-kit';
  message: string;
  /** For `missing-glyphs`: the characters replaced, as `U+XXXX` code points. */
  codePoints?: string[];
  /** For `emoji-fallback`: each sequence simplified, and the emoji drawn instead. */
  emoji?: { sequence: string; drawn: string }[];
  /** For `brand-kit`: the field concerned. */
  field?: string;
}

const codePointLabel = (codePoint: number) =>
  `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

/** Cleans text for layout and swaps characters no bundled font covers for a visible replacement, remembering which. */
export class TextPreparer {
  private readonly missing = new Set<number>();
  private readonly simplifiedEmoji = new Map<string, string>();
  private readonly cache = new Map<string, string>();

  constructor(private readonly coverage: GlyphCoverage) {}

  /** Sanitises one string and replaces uncovered characters. */
  prepare(value: string): string {
    const known = this.cache.get(value);
    if (known !== undefined) return known;
    let out = '';
    const emoji = prepareEmoji(sanitiseText(value), this.coverage);
    for (const { sequence, drawn } of emoji.simplified) this.simplifiedEmoji.set(sequence, drawn);
    for (const character of emoji.text) {
      const codePoint = character.codePointAt(0) ?? 0;
      if (codePoint <= 0x20 || codePoint === 0xad || this.coverage.has(codePoint)) {
        out += character;
      } else if (/\p{M}/u.test(character)) {
        // An unsupported combining mark is dropped rather than drawn as a box.
        this.missing.add(codePoint);
      } else {
        this.missing.add(codePoint);
        out += this.coverage.replacement;
      }
    }
    this.cache.set(value, out);
    return out;
  }

  /** Deep-copies plain data, preparing every string in it (keys are left alone). */
  prepareAll<T>(value: T): T {
    return this.walk(value) as T;
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.prepare(value);
    if (Array.isArray(value)) return value.map((item) => this.walk(item));
    if (value instanceof Uint8Array || value instanceof Date || value === null) return value;
    if (typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([key, item]) => [
          key,
          this.walk(item),
        ]),
      );
    }
    return value;
  }

  /** Warnings for the characters replaced and emoji simplified so far (empty when everything was drawn as given). */
  warnings(): RenderWarning[] {
    const warnings: RenderWarning[] = [];
    if (this.simplifiedEmoji.size > 0) {
      const emoji = [...this.simplifiedEmoji].map(([sequence, drawn]) => ({ sequence, drawn }));
      const listed = emoji
        .slice(0, 20)
        .map(({ sequence, drawn }) => `${sequence} (${codePointsOf(sequence)}) as ${drawn}`)
        .join(', ');
      warnings.push({
        kind: 'emoji-fallback',
        emoji,
        message: `${emoji.length} emoji sequence(s) cannot be drawn whole by the bundled emoji font and were drawn as their first emoji: ${listed}${emoji.length > 20 ? ', …' : ''}`,
      });
    }
    if (this.missing.size === 0) return warnings;
    const codePoints = [...this.missing].sort((a, b) => a - b).map(codePointLabel);
    warnings.push({
      kind: 'missing-glyphs',
      codePoints,
      message: `${codePoints.length} character(s) have no glyph in any bundled font and were replaced with "${this.coverage.replacement}" (or dropped, for combining marks): ${codePoints.slice(0, 20).join(', ')}${codePoints.length > 20 ? ', …' : ''}`,
    });
    return warnings;
  }
}

const codePointsOf = (text: string) =>
  [...text].map((character) => codePointLabel(character.codePointAt(0) ?? 0)).join(' ');
