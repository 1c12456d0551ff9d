import {
  checkTextColour,
  contrastRatio,
  darkenToContrast,
  parseHexColour,
} from '@groundwork/pdf/brand';
import { describe, expect, it } from 'vitest';

describe('contrastRatio', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('#FFFFFF', '#FFFFFF')).toBeCloseTo(1, 5);
    // #767676 is the lightest grey that passes AA on white.
    expect(contrastRatio('#767676')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#777777')).toBeLessThan(4.5);
  });
});

describe('darkenToContrast', () => {
  it.each([
    '#FFCC00',
    '#7FB3D5',
    '#FF69B4',
    '#FFFFFF',
    '#2E7D6B',
  ])('turns %s into the lightest passing shade of the same hue', (colour) => {
    const fixed = darkenToContrast(colour);
    expect(contrastRatio(fixed)).toBeGreaterThanOrEqual(4.5);
    // Not much darker than needed: a little lighter would fail (or it was already passing).
    if (contrastRatio(colour) < 4.5) expect(contrastRatio(fixed)).toBeLessThan(4.7);
    else expect(fixed).toBe(colour.toUpperCase());
    const original = parseHexColour(colour);
    const darker = parseHexColour(fixed);
    // Same hue: channels keep their order.
    expect(Math.sign(original.r - original.g)).toBe(
      Math.sign(darker.r - darker.g) || Math.sign(original.r - original.g),
    );
  });
});

describe('checkTextColour', () => {
  it('explains a failing colour and suggests a passing one', () => {
    const check = checkTextColour('#ffcc00', 'primary colour');
    expect(check.passes).toBe(false);
    expect(check.ratio).toBeCloseTo(1.51, 2);
    expect(check.message).toMatch(
      /primary colour #FFCC00 has a contrast ratio of 1\.\d\d:1.*at least 4\.5:1.*Try #[0-9A-F]{6}/,
    );
    expect(contrastRatio(check.textColour)).toBeGreaterThanOrEqual(4.5);
  });

  it('passes a dark colour unchanged', () => {
    expect(checkTextColour('#1a4d8f')).toMatchObject({ passes: true, textColour: '#1A4D8F' });
    expect(checkTextColour('#1a4d8f').message).toBeUndefined();
  });

  it('rejects text that is not a hex colour', () => {
    expect(() => checkTextColour('blue')).toThrow(/hex colour.*"blue"/);
  });
});
