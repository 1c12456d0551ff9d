import {
  PHQ_FAMILY_LICENCE,
  PHQ_FREQUENCY_OPTIONS,
  type InstrumentDefinition,
  type InstrumentScore,
  type Result,
  scoreSummed,
} from './instrument.js';

/** PHQ-9 depression severity: 9 items scored 0–3, total 0–27 (Kroenke 2001). */
export const PHQ9: InstrumentDefinition = {
  id: 'phq9',
  name: 'PHQ-9',
  itemCount: 9,
  itemMin: 0,
  itemMax: 3,
  itemLabels: [
    { en: 'Little interest or pleasure', es: 'Poco interés o placer' },
    { en: 'Low mood or hopelessness', es: 'Ánimo bajo o desesperanza' },
    { en: 'Sleep problems', es: 'Problemas de sueño' },
    { en: 'Tiredness or low energy', es: 'Cansancio o poca energía' },
    { en: 'Appetite changes', es: 'Cambios en el apetito' },
    { en: 'Feeling bad about oneself', es: 'Sentirse mal consigo mismo' },
    { en: 'Trouble concentrating', es: 'Dificultad para concentrarse' },
    { en: 'Slowed down or restless', es: 'Lentitud o inquietud' },
    { en: 'Thoughts of death or self-harm', es: 'Pensamientos de muerte o de hacerse daño' },
  ],
  responseOptions: PHQ_FREQUENCY_OPTIONS,
  bands: [
    { id: 'minimal', min: 0, max: 4, label: { en: 'minimal', es: 'mínima' } },
    { id: 'mild', min: 5, max: 9, label: { en: 'mild', es: 'leve' } },
    { id: 'moderate', min: 10, max: 14, label: { en: 'moderate', es: 'moderada' } },
    {
      id: 'moderately-severe',
      min: 15,
      max: 19,
      label: { en: 'moderately severe', es: 'moderadamente grave' },
    },
    { id: 'severe', min: 20, max: 27, label: { en: 'severe', es: 'grave' } },
  ],
  licence: PHQ_FAMILY_LICENCE,
  reference: 'kroenke-2001-phq9',
};

/** Scores a PHQ-9; flags `item9Positive` when item 9 (self-harm thoughts) is above 0. */
export function scorePhq9(items: unknown): Result<InstrumentScore> {
  return scoreSummed(PHQ9, items, (values) => ((values[8] ?? 0) > 0 ? ['item9Positive'] : []));
}
