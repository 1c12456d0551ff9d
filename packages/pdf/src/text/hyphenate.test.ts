import { addressSegments, hyphenate, MAX_WORD_PIECE } from './hyphenate.js';
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

  it.each([
    'https://riverside.example',
    'www.fda.gov/news',
    'fda.gov/news-events',
    'care@riverside.example',
    '(555)\u00A0010-2000',
    '+1-555-010-2999',
    '2026-11-21',
    'fda-approves',
    'treatment-resistant',
  ])('never hyphenates %s', (word) => {
    expect(hyphenate('en')(word)).toEqual([word]);
    expect(hyphenate('es')(word)).toEqual([word]);
  });
});

describe('no-break spaces', () => {
  it('never breaks at a no-break space, and hyphenates the words it joins', () => {
    const pieces = hyphenate('en')('information\u00A0·\u00A0');
    expect(pieces.join('')).toBe('information\u00A0·\u00A0');
    expect(pieces.at(-1)).toBe('tion\u00A0·\u00A0');
    expect(hyphenate('en')('Phone\u00A0(555)\u00A0010-2000')).toEqual([
      'Phone\u00A0(555)\u00A0010-2000',
    ]);
  });
});

describe('addressSegments', () => {
  it('breaks a URL only after "/" or ".", never inside "://", adding nothing', () => {
    const url = 'https://www.fda.gov/news-events/press-announcements';
    expect(addressSegments(url)).toEqual([
      'https://',
      'www.',
      'fda.',
      'gov/',
      'news-events/',
      'press-announcements',
    ]);
  });

  it('breaks an e-mail address after "@" and "."', () => {
    expect(addressSegments('care@riverside.example')).toEqual(['care@', 'riverside.', 'example']);
  });

  it('breaks only an over-long slug after its own hyphens, and cuts a run still too long', () => {
    const url = `https://x.org/fda-approves-new-nasal-spray-medication/${'a'.repeat(30)}`;
    const segments = addressSegments(url);
    expect(segments.join('')).toBe(url);
    expect(segments).toContain('fda-');
    expect(segments).toContain('medication/');
    for (const segment of segments) expect(segment.length).toBeLessThanOrEqual(24);
  });
});
