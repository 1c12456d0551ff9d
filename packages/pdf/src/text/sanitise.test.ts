import { sanitiseLine, sanitiseText } from '@groundwork/pdf/brand';
import { describe, expect, it } from 'vitest';

describe('sanitiseText', () => {
  it.each([
    ['control characters', 'a\u0000b\u0007c\u001Bd', 'abcd'],
    ['bidi overrides and isolates', 'safe\u202Eevil\u202C \u2066x\u2069', 'safeevil x'],
    ['zero-width and BOM characters', 'in\u200Bvis\u200Dible\uFEFF', 'invisible'],
    ['lone surrogates', 'a\uD800b\uDFFFc', 'abc'],
    ['private-use characters', 'x\uE000y', 'xy'],
    ['variation selectors', '\u2764\uFE0F', '\u2764'],
    [
      'runaway combining marks',
      'e\u0301\u0302\u0303\u0304\u0305\u0306',
      '\u00E9\u0302\u0303\u0304',
    ],
    ['tabs and CRLF', 'a\tb\r\nc\u2028d', 'a b\nc\nd'],
    ['combining marks with no letter to attach to', '\u2D7F\u0000x \u0301y\n\u0308z', 'x y\nz'],
  ])('removes %s', (_, input, expected) => {
    expect(sanitiseText(input)).toBe(expected);
  });

  it.each([
    ['Spanish', '¿Qué pasó con la niña? ¡Señor Muñoz!'],
    ['Arabic', 'عيادة النهر'],
    ['Hebrew', 'מרפאת הנהר'],
    ['emoji pairs', 'Thanks 😀'],
    ['soft hyphens', 'hyphen\u00ADation'],
    ['a zero-width joiner between two pictographs (emoji ZWJ sequence)', '\u{1F469}\u200D\u2695'],
  ])('keeps %s text', (_, text) => {
    expect(sanitiseText(text)).toBe(text.normalize('NFC'));
  });

  it('keeps the joiner of an emoji ZWJ sequence but drops its variation selector', () => {
    expect(sanitiseText('\u{1F469}\u200D\u2695\uFE0F \u{1F469}\u{1F3FD}\u200D\u{1F33E}')).toBe(
      '\u{1F469}\u200D\u2695 \u{1F469}\u{1F3FD}\u200D\u{1F33E}',
    );
    // Not between two pictographs: removed like any other format character.
    expect(sanitiseText('a\u200D\u{1F33F} \u{1F33F}\u200Db')).toBe('a\u{1F33F} \u{1F33F}b');
  });

  it('composes decomposed accents (NFC)', () => {
    expect(sanitiseText('Jose\u0301')).toBe('José');
  });
});

describe('sanitiseLine', () => {
  it('collapses whitespace and newlines into single spaces', () => {
    expect(sanitiseLine('  Riverside\n\n Clinic  ')).toBe('Riverside Clinic');
  });
});
