import {
  PHQ_FAMILY_LICENCE,
  PHQ_FREQUENCY_OPTIONS,
  type InstrumentDefinition,
  type InstrumentScore,
  type Result,
  scoreSummed,
} from './instrument.js';

/** GAD-7 anxiety severity: 7 items scored 0–3, total 0–21 (Spitzer 2006). */
export const GAD7: InstrumentDefinition = {
  id: 'gad7',
  name: 'GAD-7',
  itemCount: 7,
  itemMin: 0,
  itemMax: 3,
  itemLabels: [
    { en: 'Nervous, anxious or on edge', es: 'Nervios, ansiedad o tensión' },
    { en: 'Unable to stop worrying', es: 'No poder dejar de preocuparse' },
    { en: 'Worrying too much', es: 'Preocuparse demasiado' },
    { en: 'Trouble relaxing', es: 'Dificultad para relajarse' },
    { en: 'Restlessness', es: 'Inquietud' },
    { en: 'Easily annoyed or irritable', es: 'Irritabilidad' },
    { en: 'Fear that something awful may happen', es: 'Miedo a que algo terrible ocurra' },
  ],
  responseOptions: PHQ_FREQUENCY_OPTIONS,
  bands: [
    { id: 'minimal', min: 0, max: 4, label: { en: 'minimal', es: 'mínima' } },
    { id: 'mild', min: 5, max: 9, label: { en: 'mild', es: 'leve' } },
    { id: 'moderate', min: 10, max: 14, label: { en: 'moderate', es: 'moderada' } },
    { id: 'severe', min: 15, max: 21, label: { en: 'severe', es: 'grave' } },
  ],
  licence: PHQ_FAMILY_LICENCE,
  reference: 'spitzer-2006-gad7',
};

/** Scores a GAD-7. */
export function scoreGad7(items: unknown): Result<InstrumentScore> {
  return scoreSummed(GAD7, items);
}
