import { INSTRUMENTS, INSTRUMENT_IDS, type InstrumentId } from '@groundwork/eligibility';

/**
 * What measurement-based care adds to the instruments of
 * @groundwork/eligibility (which defines and scores them): the version saved
 * with each score, the LOINC code of the total where one is verified, and the
 * thresholds the chart draws. Sources: docs/measurement-based-care.md.
 */

/** Version of the item set and scoring a saved score used; bump when either changes. */
export const INSTRUMENT_VERSION = '1';

/** How a series is judged against its first (baseline) score. */
export interface InstrumentThresholds {
  /** A fall of at least this fraction of the baseline counts as response (0.5 = 50 %). */
  responseFraction?: number;
  /** A total below this counts as remission. */
  remissionBelow?: number;
}

/** One instrument as measurement-based care uses it. */
export interface MeasureInstrument {
  id: InstrumentId;
  name: string;
  itemCount: number;
  itemMin: number;
  itemMax: number;
  maxTotal: number;
  /** LOINC code of the total score; absent when we could not verify one. */
  loinc?: { code: string; display: string };
  thresholds: InstrumentThresholds;
}

const LOINC: Partial<Record<InstrumentId, { code: string; display: string }>> = {
  phq9: {
    code: '44261-6',
    display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]',
  },
  gad7: {
    code: '70274-6',
    display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]',
  },
};

// PHQ-9: response = PHQ-9 reduced by 50 % or more (CBE/NQF 1885); remission = PHQ-9 < 5
// (CBE/NQF 0710, CMS159). GAD-7 uses the same rules by convention (< 5 is its minimal band).
// PCL-5: no threshold is drawn (none in our clinical reference).
const THRESHOLDS: Record<InstrumentId, InstrumentThresholds> = {
  phq9: { responseFraction: 0.5, remissionBelow: 5 },
  gad7: { responseFraction: 0.5, remissionBelow: 5 },
  pcl5: {},
};

/** The instruments in the order pages list them. */
export const MEASURE_INSTRUMENTS: readonly MeasureInstrument[] = INSTRUMENT_IDS.map((id) => {
  const definition = INSTRUMENTS[id];
  return {
    id,
    name: definition.name,
    itemCount: definition.itemCount,
    itemMin: definition.itemMin,
    itemMax: definition.itemMax,
    maxTotal: definition.itemCount * definition.itemMax,
    ...(LOINC[id] ? { loinc: LOINC[id] } : {}),
    thresholds: THRESHOLDS[id],
  };
});

/** One instrument by id. */
export function measureInstrument(id: InstrumentId): MeasureInstrument {
  const found = MEASURE_INSTRUMENTS.find((instrument) => instrument.id === id);
  if (!found)
    throw new Error(`Unknown instrument ${id}: expected one of ${INSTRUMENT_IDS.join(', ')}`);
  return found;
}

/** Whether a string is an instrument id. */
export function isInstrumentId(value: string): value is InstrumentId {
  return (INSTRUMENT_IDS as readonly string[]).includes(value);
}

/** The form field of item `number` (1-based) of the add-a-score form. */
export function itemField(number: number): string {
  return `item.${number}`;
}
