import { Font } from '@react-pdf/renderer';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import {
  centredMetrics,
  FALLBACK_LINE_EM,
  fontBytes,
  memoiseShaping,
  registerTypeface,
} from './register-fonts.js';

interface Shaped {
  glyphs: { id: number }[];
  positions: { xAdvance: number }[];
}
type Shaper = { layout: (text: string, features?: unknown) => Shaped };

/** Parses the Inter latin face at `weight` through react-pdf's font store and returns it. */
async function interFace(weight: 400 | 700): Promise<Shaper> {
  const [family] = registerTypeface('inter');
  if (!family) throw new Error('Inter has no font stack');
  await Font.load({ fontFamily: family, fontWeight: weight });
  return Font.getFont({ fontFamily: family, fontWeight: weight }).data as unknown as Shaper;
}

const widths = (run: Shaped) => run.positions.map((position) => position.xAdvance);

describe('memoised text shaping', () => {
  it('shapes a run once and gives later renders the same glyphs and advances as fontkit', async () => {
    const regular = await interFace(400);
    const fresh = regular.layout('Office hours: 9–5, call (555) 010-2000');
    memoiseShaping('inter');
    const first = regular.layout('Office hours: 9–5, call (555) 010-2000');
    expect(regular.layout('Office hours: 9–5, call (555) 010-2000')).toBe(first);
    expect(first.glyphs.map((glyph) => glyph.id)).toEqual(fresh.glyphs.map((glyph) => glyph.id));
    expect(widths(first)).toEqual(widths(fresh));
  });

  it('keeps runs apart by face, text and OpenType features', async () => {
    const regular = await interFace(400);
    const bold = await interFace(700);
    memoiseShaping('inter');
    const text = 'Waffle office';
    expect(widths(bold.layout(text))).not.toEqual(widths(regular.layout(text)));
    expect(regular.layout('Waffle offices')).not.toBe(regular.layout(text));
    const plain = regular.layout('fi ffl', { liga: false });
    const ligatures = regular.layout('fi ffl', { liga: true });
    expect(plain).not.toBe(ligatures);
    expect(plain.glyphs.length).toBeGreaterThanOrEqual(ligatures.glyphs.length);
  });

  it("leaves the caller's features alone, so runs sharing them keep hitting the cache", async () => {
    const regular = await interFace(400);
    memoiseShaping('inter');
    const features = { calt: false };
    const first = regular.layout('Shared features, first run', features);
    expect(features).toEqual({ calt: false });
    regular.layout('Shared features, second run', features);
    expect(regular.layout('Shared features, first run', features)).toBe(first);
  });

  it("keeps each face's metrics and tells faces apart by name table as before", async () => {
    const regular = await interFace(400);
    const bold = await interFace(700);
    memoiseShaping('inter');
    const bytes = fontBytes('@fontsource/inter/files/inter-latin-400-normal.woff');
    const fresh = fontkit.create(Buffer.from(bytes)) as unknown as Record<string, unknown>;
    const pinned = regular as unknown as Record<string, unknown>;
    for (const key of ['unitsPerEm', 'ascent', 'descent', 'lineGap', 'xHeight', 'capHeight']) {
      expect(pinned[key]).toBe(fresh[key]);
    }
    expect(pinned.postscriptName).toBe('Inter-Regular');
    expect({ ...(pinned.bbox as object) }).toEqual({ ...(fresh.bbox as object) });
    const names = (face: Shaper) =>
      JSON.stringify((face as unknown as { name: { records: object } }).name.records);
    expect(names(regular)).toBe(names(regular));
    expect(names(regular)).not.toBe(names(bold));
  });
});

describe('centredMetrics', () => {
  it('trims a tall face evenly above and below to the fallback band', () => {
    // Noto Sans Arabic's declared metrics.
    const { ascent, descent } = centredMetrics({ unitsPerEm: 1000, ascent: 1374, descent: -738 });
    expect(ascent - descent).toBeCloseTo(FALLBACK_LINE_EM * 1000);
    expect(1374 - ascent).toBeCloseTo(descent - -738);
  });

  it('leaves a face that fits the band alone', () => {
    expect(centredMetrics({ unitsPerEm: 2048, ascent: 1900, descent: -500 })).toEqual({
      ascent: 1900,
      descent: -500,
    });
  });
});
