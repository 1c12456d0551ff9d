import { describe, expect, it } from 'vitest';
import { judgeSeries, pointLabel, sortSeries } from './series';

const point = (id: string, takenOn: string, total: number) => ({ id, takenOn, total });

describe('judgeSeries', () => {
  it.each([
    // [case, instrument, totals (oldest first), expected labels]
    [
      'PHQ-9: 50% fall is response, under 5 is remission',
      'phq9',
      [20, 12, 10, 4],
      ['baseline', '', 'response', 'response, remission'],
    ],
    ['PHQ-9: 49% fall is not response', 'phq9', [21, 11], ['baseline', '']],
    [
      'PHQ-9: odd baseline 15: 7 is response, 8 is not',
      'phq9',
      [15, 8, 7],
      ['baseline', '', 'response'],
    ],
    ['PHQ-9: a low baseline is not itself remission', 'phq9', [3, 3], ['baseline', 'remission']],
    ['PHQ-9: remission without response (6 → 4)', 'phq9', [6, 4], ['baseline', 'remission']],
    ['PHQ-9: worse than baseline is neither', 'phq9', [10, 14], ['baseline', '']],
    [
      'GAD-7 uses the same rules',
      'gad7',
      [14, 7, 4],
      ['baseline', 'response', 'response, remission'],
    ],
    [
      'PCL-5 marks nothing (no threshold in our reference)',
      'pcl5',
      [60, 20, 2],
      ['baseline', '', ''],
    ],
  ] as const)('%s', (_case, instrument, totals, labels) => {
    const judged = judgeSeries(
      instrument,
      totals.map((total, index) => point(`m${index}`, `2026-0${index + 1}-01`, total)),
    );
    expect(judged.points.map(pointLabel)).toEqual(labels);
  });

  it('takes the earliest score as baseline whatever order the scores come in', () => {
    const judged = judgeSeries('phq9', [
      point('b', '2026-03-01', 9),
      point('a', '2026-01-15', 18),
      point('c', '2026-02-01', 14),
    ]);
    expect(judged.points.map((p) => p.id)).toEqual(['a', 'c', 'b']);
    expect(judged.responseAtOrBelow).toBe(9);
    expect(judged.points[2]?.response).toBe(true);
    expect(judged.points[2]?.change).toBeCloseTo(0.5);
  });

  it('has no response level when the baseline is 0, and no change to report', () => {
    const judged = judgeSeries('phq9', [point('a', '2026-01-01', 0), point('b', '2026-02-01', 0)]);
    expect(judged.responseAtOrBelow).toBeNull();
    expect(judged.points[1]?.change).toBeNull();
    expect(judged.points[1]?.response).toBe(false);
    expect(judged.points[1]?.remission).toBe(true);
  });

  it('reports the thresholds of PHQ-9 and none for PCL-5', () => {
    expect(judgeSeries('phq9', [point('a', '2026-01-01', 22)])).toMatchObject({
      responseAtOrBelow: 11,
      remissionBelow: 5,
    });
    expect(judgeSeries('pcl5', [point('a', '2026-01-01', 50)])).toMatchObject({
      responseAtOrBelow: null,
      remissionBelow: null,
    });
  });
});

describe('sortSeries', () => {
  it('orders by day, then by id for scores of the same day', () => {
    expect(
      sortSeries([
        point('z', '2026-01-02', 1),
        point('b', '2026-01-01', 1),
        point('a', '2026-01-01', 1),
      ]).map((p) => p.id),
    ).toEqual(['a', 'b', 'z']);
  });
});
