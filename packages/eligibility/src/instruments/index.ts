import { GAD7, scoreGad7 } from './gad7.js';
import type { InstrumentDefinition, InstrumentId, InstrumentScore, Result } from './instrument.js';
import { PCL5, scorePcl5 } from './pcl5.js';
import { PHQ9, scorePhq9 } from './phq9.js';

/** Every instrument definition by id. */
export const INSTRUMENTS: Readonly<Record<InstrumentId, InstrumentDefinition>> = {
  phq9: PHQ9,
  gad7: GAD7,
  pcl5: PCL5,
};

/** Scores any supported instrument; `cutPoint` applies to the PCL-5 only. */
export function scoreInstrument(
  instrument: InstrumentId,
  items: unknown,
  options: { cutPoint?: number } = {},
): Result<InstrumentScore> {
  if (instrument === 'phq9') return scorePhq9(items);
  if (instrument === 'gad7') return scoreGad7(items);
  return scorePcl5(items, options);
}
