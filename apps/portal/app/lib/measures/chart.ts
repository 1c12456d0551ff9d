import { measureInstrument } from './instruments';
import { type JudgedSeries, pointLabel } from './series';

/** A point as drawn: where, its value and the words beside it. */
export interface ChartPoint {
  x: number;
  y: number;
  total: number;
  takenOn: string;
  /** `baseline`, `response`, `remission` (comma-separated), or empty. */
  label: string;
  /** Shape to draw: a response or remission gets a different shape as well as words. */
  shape: 'circle' | 'square' | 'diamond';
}

/** Everything an SVG needs to draw one series: plain numbers and strings, no markup. */
export interface ChartModel {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  /** Text alternative of the whole chart. */
  description: string;
  yTicks: Array<{ y: number; label: string }>;
  xTicks: Array<{ x: number; label: string }>;
  /** SVG path of the line through the points, oldest first. */
  path: string;
  points: ChartPoint[];
  /** Dashed line at the response level (50 % of the baseline). */
  responseLine: { y: number; label: string } | null;
  /** Band from 0 up to the remission level. */
  remissionBand: { y: number; height: number; label: string } | null;
}

const WIDTH = 640;
const HEIGHT = 300;
// The right margin leaves room for the last date and a "response, remission" label centred on it.
const PLOT = { left: 48, right: WIDTH - 56, top: 24, bottom: HEIGHT - 48 };
const DAY_MS = 24 * 60 * 60 * 1000;

function dayNumber(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function tickStep(max: number): number {
  if (max <= 30) return 5;
  return 10;
}

/**
 * The chart of a judged series: time on x (by day taken), total on y from 0
 * to the instrument's maximum, the response level as a dashed line and the
 * remission range as a band, each labelled. Pure: same series, same chart.
 */
export function chartModel(series: JudgedSeries): ChartModel {
  const instrument = measureInstrument(series.instrument);
  const maxTotal = instrument.maxTotal;
  const days = series.points.map((point) => dayNumber(point.takenOn));
  const first = Math.min(...days);
  const last = Math.max(...days);
  const span = last - first;
  const xOf = (day: number) =>
    span === 0
      ? (PLOT.left + PLOT.right) / 2
      : PLOT.left + ((day - first) / span) * (PLOT.right - PLOT.left);
  const yOf = (total: number) => PLOT.bottom - (total / maxTotal) * (PLOT.bottom - PLOT.top);

  const points: ChartPoint[] = series.points.map((point, index) => ({
    x: round(xOf(days[index] ?? first)),
    y: round(yOf(point.total)),
    total: point.total,
    takenOn: point.takenOn,
    label: pointLabel(point),
    shape: point.remission ? 'square' : point.response ? 'diamond' : 'circle',
  }));
  const step = tickStep(maxTotal);
  const yTicks: ChartModel['yTicks'] = [];
  for (let value = 0; value <= maxTotal; value += step) {
    yTicks.push({ y: round(yOf(value)), label: String(value) });
  }
  const seen = new Set<string>();
  const xTicks = points
    .filter((point) => !seen.has(point.takenOn) && seen.add(point.takenOn))
    .map((point) => ({ x: point.x, label: point.takenOn }));

  const responseLine =
    series.responseAtOrBelow === null
      ? null
      : {
          y: round(yOf(series.responseAtOrBelow)),
          label: `Response: ${formatNumber(series.responseAtOrBelow)} or less (50% below baseline)`,
        };
  const remissionBand =
    series.remissionBelow === null
      ? null
      : {
          y: round(yOf(series.remissionBelow)),
          height: round(PLOT.bottom - yOf(series.remissionBelow)),
          label: `Remission: below ${series.remissionBelow}`,
        };

  const described = series.points.map((point) => {
    const label = pointLabel(point);
    return `${point.takenOn}: ${point.total}${label ? ` (${label})` : ''}`;
  });
  const description = [
    `${instrument.name} totals over time, 0 to ${maxTotal}, ${series.points.length} ${series.points.length === 1 ? 'score' : 'scores'}: ${described.join('; ')}.`,
    responseLine ? `${responseLine.label}.` : '',
    remissionBand ? `${remissionBand.label}.` : '',
  ]
    .filter(Boolean)
    .join(' ');

  return {
    width: WIDTH,
    height: HEIGHT,
    plot: PLOT,
    description,
    yTicks,
    xTicks,
    path: points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x} ${point.y}`).join(' '),
    points,
    responseLine,
    remissionBand,
  };
}
