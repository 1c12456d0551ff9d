import { hyphenate, MAX_WORD_PIECE } from './hyphenate.js';
import { describe, expect, it } from 'vitest';

describe('hyphenate', () => {
  it('splits English words at syllables', () => {
    expect(hyphenate('en')('information')).toEqual(['in', 'for', 'ma', 'tion']);
  });

  it('uses Spanish patterns for Spanish', () => {
    expect(hyphenate('es')('anticonstitucionalmente').join('|')).toBe(
      'an|ti|cons|ti|tu|cio|nal|men|te',
    );
  });

  it('cuts a 5,000-letter word into pieces no longer than the limit', () => {
    const word = 'a'.repeat(5000);
    const pieces = hyphenate('en')(word);
    expect(pieces.join('')).toBe(word);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThanOrEqual(MAX_WORD_PIECE);
  });

  it('never cuts an emoji or an accented letter in half', () => {
    const word = '😀é'.repeat(40);
    const pieces = hyphenate('en')(word);
    expect(pieces.join('')).toBe(word);
    for (const piece of pieces) expect(piece).not.toMatch(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/);
  });
});
