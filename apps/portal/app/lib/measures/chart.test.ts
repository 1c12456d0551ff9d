import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { MeasureChart } from '../../components/measure-chart';
import { chartModel } from './chart';
import { judgeSeries } from './series';

const phq9 = judgeSeries('phq9', [
  { id: 'a', takenOn: '2026-01-05', total: 20 },
  { id: 'b', takenOn: '2026-02-05', total: 9 },
  { id: 'c', takenOn: '2026-03-05', total: 3 },
]);

describe('chartModel', () => {
  const model = chartModel(phq9);

  it('spreads the points over time, oldest left, and scales totals from 0 to 27', () => {
    const [first, second, third] = model.points;
    expect(first?.x).toBe(model.plot.left);
    expect(third?.x).toBe(model.plot.right);
    expect(second?.x).toBeGreaterThan(first?.x ?? 0);
    expect(second?.x).toBeLessThan(third?.x ?? 0);
    // Higher totals are higher up (smaller y).
    expect(first?.y).toBeLessThan(second?.y ?? 0);
    expect(model.yTicks.map((tick) => tick.label)).toEqual(['0', '5', '10', '15', '20', '25']);
    expect(model.path).toMatch(/^M[\d.]+ [\d.]+ L[\d.]+ [\d.]+ L[\d.]+ [\d.]+$/);
  });

  it('draws the response line at half the baseline and the remission band below 5, labelled', () => {
    expect(model.responseLine?.label).toBe('Response: 10 or less (50% below baseline)');
    expect(model.remissionBand?.label).toBe('Remission: below 5');
    const yOf = (total: number) =>
      model.plot.bottom - (total / 27) * (model.plot.bottom - model.plot.top);
    expect(model.responseLine?.y).toBeCloseTo(yOf(10), 0);
    expect(model.remissionBand?.y).toBeCloseTo(yOf(5), 0);
    expect((model.remissionBand?.y ?? 0) + (model.remissionBand?.height ?? 0)).toBeCloseTo(
      model.plot.bottom,
      0,
    );
  });

  it('marks response and remission with words and a different shape, not colour alone', () => {
    expect(model.points.map((point) => [point.label, point.shape])).toEqual([
      ['baseline', 'circle'],
      ['response', 'diamond'],
      ['response, remission', 'square'],
    ]);
  });

  it('describes every score in its text alternative', () => {
    expect(model.description).toBe(
      'PHQ-9 totals over time, 0 to 27, 3 scores: 2026-01-05: 20 (baseline); 2026-02-05: 9 (response); 2026-03-05: 3 (response, remission). Response: 10 or less (50% below baseline). Remission: below 5.',
    );
  });

  it('centres a single score and draws no thresholds for the PCL-5', () => {
    const pcl5 = chartModel(judgeSeries('pcl5', [{ id: 'a', takenOn: '2026-01-05', total: 40 }]));
    expect(pcl5.points[0]?.x).toBe((pcl5.plot.left + pcl5.plot.right) / 2);
    expect(pcl5.responseLine).toBeNull();
    expect(pcl5.remissionBand).toBeNull();
    expect(pcl5.yTicks.at(-1)?.label).toBe('80');
  });
});

describe('MeasureChart', () => {
  it('renders an SVG image named by its text alternative, with the threshold labels in it', () => {
    const html = renderToStaticMarkup(
      createElement(MeasureChart, { model: chartModel(phq9), titleId: 'chart-title' }),
    );
    expect(html).toMatch(/^<svg[^>]*role="img"[^>]*aria-labelledby="chart-title"/);
    expect(html).toContain('<title id="chart-title">PHQ-9 totals over time');
    expect(html).toContain('stroke-dasharray="6 4"');
    expect(html).toContain('>Response: 10 or less (50% below baseline)</text>');
    expect(html).toContain('>Remission: below 5</text>');
    expect(html).toContain('>response, remission</text>');
  });
});
