import type { LocalizedText } from '../text.js';
import {
  type InstrumentDefinition,
  type InstrumentScore,
  type Result,
  scoreSummed,
  sum,
  validateItems,
} from './instrument.js';

const intensity: LocalizedText[] = [
  { en: 'Not at all', es: 'Nada' },
  { en: 'A little bit', es: 'Un poco' },
  { en: 'Moderately', es: 'Moderadamente' },
  { en: 'Quite a bit', es: 'Bastante' },
  { en: 'Extremely', es: 'Extremadamente' },
];

/** PCL-5 PTSD symptoms (DSM-5): 20 items scored 0–4, total 0–80 (US VA). */
export const PCL5: InstrumentDefinition = {
  id: 'pcl5',
  name: 'PCL-5',
  itemCount: 20,
  itemMin: 0,
  itemMax: 4,
  itemLabels: [
    { en: 'B1 Intrusive memories', es: 'B1 Recuerdos intrusivos' },
    { en: 'B2 Disturbing dreams', es: 'B2 Sueños perturbadores' },
    { en: 'B3 Reliving (flashbacks)', es: 'B3 Revivir el suceso' },
    { en: 'B4 Upset by reminders', es: 'B4 Malestar ante recordatorios' },
    { en: 'B5 Physical reactions to reminders', es: 'B5 Reacciones físicas a recordatorios' },
    { en: 'C6 Avoiding memories or feelings', es: 'C6 Evitar recuerdos o sentimientos' },
    { en: 'C7 Avoiding external reminders', es: 'C7 Evitar recordatorios externos' },
    { en: 'D8 Trouble remembering the event', es: 'D8 Dificultad para recordar el suceso' },
    { en: 'D9 Strong negative beliefs', es: 'D9 Creencias negativas intensas' },
    { en: 'D10 Blaming self or others', es: 'D10 Culparse o culpar a otros' },
    { en: 'D11 Strong negative feelings', es: 'D11 Sentimientos negativos intensos' },
    { en: 'D12 Loss of interest in activities', es: 'D12 Pérdida de interés en actividades' },
    { en: 'D13 Feeling distant from others', es: 'D13 Sentirse distante de los demás' },
    {
      en: 'D14 Trouble having positive feelings',
      es: 'D14 Dificultad para sentir emociones positivas',
    },
    { en: 'E15 Irritability or anger', es: 'E15 Irritabilidad o enojo' },
    {
      en: 'E16 Risky or self-destructive behaviour',
      es: 'E16 Conductas de riesgo o autodestructivas',
    },
    { en: 'E17 Being super-alert', es: 'E17 Hipervigilancia' },
    { en: 'E18 Easily startled', es: 'E18 Sobresaltarse con facilidad' },
    { en: 'E19 Difficulty concentrating', es: 'E19 Dificultad para concentrarse' },
    { en: 'E20 Trouble sleeping', es: 'E20 Problemas para dormir' },
  ],
  responseOptions: intensity,
  bands: [],
  licence:
    'Developed by the US Department of Veterans Affairs National Center for PTSD; in the public domain. The item labels in this package are short summaries, not the official wording: show patients the official form.',
  reference: 'va-pcl5',
};

/** Default PCL-5 total at or above which PTSD is provisionally indicated (VA range 31–33). */
export const PCL5_DEFAULT_CUT_POINT = 33;

/** DSM-5 symptom clusters of the PCL-5: 1-based item numbers and how many must be rated ≥ 2. */
export const PCL5_CLUSTERS = [
  { cluster: 'B', items: [1, 2, 3, 4, 5], required: 1 },
  { cluster: 'C', items: [6, 7], required: 1 },
  { cluster: 'D', items: [8, 9, 10, 11, 12, 13, 14], required: 2 },
  { cluster: 'E', items: [15, 16, 17, 18, 19, 20], required: 2 },
] as const;

/** Options for PCL-5 scoring. */
export interface Pcl5Options {
  /** Total at or above which `provisionalPtsd` is flagged (default 33). */
  cutPoint?: number;
}

/**
 * Scores a PCL-5. Flags `provisionalPtsd` at total ≥ cut point, and
 * `clusterCriteriaMet` when items rated ≥ 2 ("moderately") meet the DSM-5
 * rule: ≥1 B (1–5), ≥1 C (6–7), ≥2 D (8–14), ≥2 E (15–20).
 */
export function scorePcl5(items: unknown, options: Pcl5Options = {}): Result<InstrumentScore> {
  const cutPoint = options.cutPoint ?? PCL5_DEFAULT_CUT_POINT;
  if (!Number.isFinite(cutPoint) || cutPoint < 0 || cutPoint > 80) {
    const errors = validateItems(PCL5, items);
    errors.push(`PCL-5 cut point: expected a number from 0 to 80, received ${cutPoint}`);
    return { ok: false, errors };
  }
  return scoreSummed(PCL5, items, (values) => [
    ...(sum(values) >= cutPoint ? ['provisionalPtsd'] : []),
    ...(pcl5ClustersMet(values) ? ['clusterCriteriaMet'] : []),
  ]);
}

/** Whether the DSM-5 cluster rule is met (items rated 2 or more count as endorsed). */
export function pcl5ClustersMet(items: readonly number[]): boolean {
  return PCL5_CLUSTERS.every(
    ({ items: numbers, required }) =>
      numbers.filter((number) => (items[number - 1] ?? 0) >= 2).length >= required,
  );
}
