import { describe, expect, it } from 'vitest';
import { fontStack } from './font-catalogue.js';
import { usedFamilies } from './used-families.js';

const codePoints = (text: string) => [...text].map((character) => character.codePointAt(0) ?? 0);

describe('font families a text can use', () => {
  it('keeps only the brand latin face for plain English text', () => {
    expect(usedFamilies('inter', codePoints('Call us on (555) 010-2000 • Page 2 of 3'))).toEqual([
      'gw-inter-latin',
    ]);
  });

  it('keeps each script its fallback, in stack order', () => {
    const families = usedFamilies('inter', codePoints('Καλημέρα مرحبا שלום 😀'));
    expect(families).toEqual([
      'gw-inter-latin',
      'gw-inter-greek',
      'gw-noto-sans-arabic',
      'gw-noto-sans-hebrew',
      'gw-noto-emoji',
    ]);
    const stack = fontStack('inter');
    expect(families.map((family) => stack.indexOf(family))).toEqual(
      [...families.map((family) => stack.indexOf(family))].sort((a, b) => a - b),
    );
  });

  it('borrows Inter for scripts a brand face lacks', () => {
    expect(usedFamilies('atkinson-hyperlegible', codePoints('Привет'))).toEqual([
      'gw-atkinson-hyperlegible-latin',
      'gw-inter-cyrillic',
    ]);
  });
});
