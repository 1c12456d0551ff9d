import { paperDimensions } from '@groundwork/pdf';
import { describe, expect, it } from 'vitest';

describe('paperDimensions', () => {
  it('knows Letter and A4 in points', () => {
    expect(paperDimensions('letter')).toEqual({ width: 612, height: 792 });
    expect(paperDimensions('A4').height).toBeCloseTo(841.89);
  });

  it('names the accepted sizes when given another', () => {
    expect(() => paperDimensions('legal')).toThrow(/"legal".*LETTER, A4/);
  });
});
