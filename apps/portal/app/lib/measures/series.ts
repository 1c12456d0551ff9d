import type { InstrumentId } from '@groundwork/eligibility';
import { type InstrumentThresholds, measureInstrument } from './instruments';

/** One saved score as a series shows it. */
export interface SeriesPoint {
  id: string;
  /** `YYYY-MM-DD`. */
  takenOn: string;
  total: number;
}

/** A point with what it means against the baseline. */
export interface JudgedPoint extends SeriesPoint {
  /** The first score of the series. */
  baseline: boolean;
  /** Fall from baseline as a fraction of it (0.5 = 50 % lower); null for the baseline or a zero baseline. */
  change: number | null;
  response: boolean;
  remission: boolean;
}

/** A series of one instrument, oldest first, judged against its baseline. */
export interface JudgedSeries {
  instrument: InstrumentId;
  points: JudgedPoint[];
  /** The total at or below which a later score is a response; null when the instrument has no response rule. */
  responseAtOrBelow: number | null;
  remissionBelow: number | null;
}

/** Oldest first: by day taken, then by id so equal days keep one order. */
export function sortSeries<Point extends SeriesPoint>(points: readonly Point[]): Point[] {
  return [...points].sort((a, b) => a.takenOn.localeCompare(b.takenOn) || a.id.localeCompare(b.id));
}

/**
 * Judges a series: the baseline is the first score; a later score is a
 * response when it is at least `responseFraction` below the baseline, and a
 * remission when it is below `remissionBelow`. Instruments without a rule
 * never mark either.
 */
export function judgeSeries(
  instrument: InstrumentId,
  points: readonly SeriesPoint[],
  thresholds: InstrumentThresholds = measureInstrument(instrument).thresholds,
): JudgedSeries {
  const sorted = sortSeries(points);
  const baseline = sorted[0]?.total;
  const { responseFraction, remissionBelow } = thresholds;
  const responseAtOrBelow =
    baseline !== undefined && responseFraction !== undefined && baseline > 0
      ? baseline * (1 - responseFraction)
      : null;
  return {
    instrument,
    responseAtOrBelow,
    remissionBelow: remissionBelow ?? null,
    points: sorted.map((point, index) => {
      const isBaseline = index === 0;
      const change =
        isBaseline || baseline === undefined || baseline === 0
          ? null
          : (baseline - point.total) / baseline;
      return {
        ...point,
        baseline: isBaseline,
        change,
        response: !isBaseline && responseAtOrBelow !== null && point.total <= responseAtOrBelow,
        remission: !isBaseline && remissionBelow !== undefined && point.total < remissionBelow,
      };
    }),
  };
}

/** The words beside a point: never colour alone. */
export function pointLabel(point: JudgedPoint): string {
  const parts: string[] = [];
  if (point.baseline) parts.push('baseline');
  if (point.response) parts.push('response');
  if (point.remission) parts.push('remission');
  return parts.join(', ');
}
