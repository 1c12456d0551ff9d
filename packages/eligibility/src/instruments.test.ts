import {
  GAD7,
  PCL5,
  PHQ9,
  pcl5ClustersMet,
  scoreGad7,
  scoreInstrument,
  scorePcl5,
  scorePhq9,
} from '@groundwork/eligibility';
import { describe, expect, it } from 'vitest';

/** Items adding up to `total`, filling from the first item. */
function itemsFor(count: number, max: number, total: number): number[] {
  let left = total;
  return Array.from({ length: count }, () => {
    const value = Math.min(max, left);
    left -= value;
    return value;
  });
}

describe('PHQ-9', () => {
  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately-severe'],
    [19, 'moderately-severe'],
    [20, 'severe'],
    [27, 'severe'],
  ])('total %i is %s', (total, band) => {
    const result = scorePhq9(itemsFor(9, 3, total));
    expect(result).toMatchObject({ ok: true, value: { total, band } });
  });

  it('flags item 9 above 0 whatever the total', () => {
    const result = scorePhq9([0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(result).toMatchObject({ ok: true, value: { total: 1, flags: ['item9Positive'] } });
    expect(scorePhq9(itemsFor(9, 3, 24))).toMatchObject({ value: { flags: [] } });
  });

  it('rejects wrong lengths, out-of-range and non-integer items, naming the item', () => {
    expect(scorePhq9([0, 0])).toEqual({
      ok: false,
      errors: ['PHQ-9: expected 9 item scores, received 2'],
    });
    expect(scorePhq9([0, 0, 0, 0, 0, 0, 0, 1.5, -1])).toEqual({
      ok: false,
      errors: [
        'PHQ-9 item 8: expected a whole number from 0 to 3, received 1.5',
        'PHQ-9 item 9: expected a whole number from 0 to 3, received -1',
      ],
    });
    expect(scorePhq9('0,0,0')).toMatchObject({ ok: false });
  });
});

describe('GAD-7', () => {
  it.each([
    [4, 'minimal'],
    [5, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'severe'],
    [21, 'severe'],
  ])('total %i is %s', (total, band) => {
    expect(scoreGad7(itemsFor(7, 3, total))).toMatchObject({ ok: true, value: { total, band } });
  });

  it('rejects an item of 4', () => {
    expect(scoreGad7([4, 0, 0, 0, 0, 0, 0])).toMatchObject({ ok: false });
  });
});

describe('PCL-5', () => {
  it('flags provisional PTSD at the default cut-point of 33, not at 32', () => {
    expect(scorePcl5(itemsFor(20, 4, 33))).toMatchObject({
      value: { total: 33, flags: expect.arrayContaining(['provisionalPtsd']) },
    });
    const below = scorePcl5(itemsFor(20, 4, 32));
    expect(below.ok && below.value.flags.includes('provisionalPtsd')).toBe(false);
  });

  it('takes the cut-point as a parameter (31 to 33 in VA guidance)', () => {
    const result = scorePcl5(itemsFor(20, 4, 31), { cutPoint: 31 });
    expect(result.ok && result.value.flags.includes('provisionalPtsd')).toBe(true);
    expect(scorePcl5(itemsFor(20, 4, 31), { cutPoint: 90 })).toMatchObject({ ok: false });
  });

  it('applies the DSM-5 cluster rule to items rated 2 or more', () => {
    const items = Array.from({ length: 20 }, () => 0);
    // one B, one C, two D, two E → met
    for (const number of [1, 6, 8, 9, 15, 16]) items[number - 1] = 2;
    expect(pcl5ClustersMet(items)).toBe(true);
    expect(scorePcl5(items)).toMatchObject({ value: { total: 12, flags: ['clusterCriteriaMet'] } });

    const oneD = [...items];
    oneD[8] = 1; // item 9 rated 1 does not count
    expect(pcl5ClustersMet(oneD)).toBe(false);

    const noC = [...items];
    noC[5] = 0;
    expect(pcl5ClustersMet(noC)).toBe(false);
  });

  it('rejects 19 items and an item of 5', () => {
    expect(scorePcl5(itemsFor(19, 4, 0))).toMatchObject({ ok: false });
    expect(scorePcl5([5, ...itemsFor(19, 4, 0)])).toMatchObject({ ok: false });
  });
});

describe('instrument definitions', () => {
  it.each([
    PHQ9,
    GAD7,
    PCL5,
  ])('$name has a label per item, a licence note and a source', (definition) => {
    expect(definition.itemLabels).toHaveLength(definition.itemCount);
    expect(definition.responseOptions).toHaveLength(definition.itemMax - definition.itemMin + 1);
    expect(definition.licence.length).toBeGreaterThan(20);
    expect(definition.reference).toMatch(/^[a-z0-9-]+$/);
  });

  it('bands cover every possible total exactly once', () => {
    for (const definition of [PHQ9, GAD7]) {
      for (let total = 0; total <= definition.itemCount * definition.itemMax; total++) {
        const matches = definition.bands.filter((band) => total >= band.min && total <= band.max);
        expect(matches).toHaveLength(1);
      }
    }
  });

  it('scoreInstrument dispatches by id', () => {
    expect(scoreInstrument('gad7', itemsFor(7, 3, 10))).toMatchObject({
      value: { instrument: 'gad7', band: 'moderate' },
    });
  });
});
