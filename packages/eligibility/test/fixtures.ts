// Test fixtures shared by the test files; they live outside src so they are never part of the package.
import type { AnswerValue } from '@groundwork/eligibility';

/** A 35-year-old patient with nothing against ketamine treatment. */
export const basePatient: Readonly<Record<string, AnswerValue>> = Object.freeze({
  age: 35,
  sexAssignedAtBirth: 'female',
  pregnant: 'no',
  breastfeeding: false,
  psychoticDisorder: false,
  pastPsychoticEpisode: false,
  bipolarDisorder: false,
  hypertension: false,
  bloodPressureToday: { systolic: 124, diastolic: 78 },
  restingSpo2: 98,
  vascularConditions: ['none'],
  raisedIntracranialPressure: false,
  recentHeadInjury: false,
  heartDisease: false,
  cardiacEventOrStroke: false,
  breathingConditions: ['none'],
  seizureDisorder: false,
  glaucoma: false,
  hyperthyroidism: false,
  liverDisease: false,
  kidneyDisease: false,
  bladderProblems: false,
  substanceUseDisorder: false,
  ketamineMisuse: false,
  interactingMedicines: ['none'],
  ketamineHypersensitivity: false,
  phq9: [2, 2, 2, 2, 1, 1, 1, 1, 0],
  gad7: [1, 1, 1, 1, 1, 1, 1],
  pcl5: Array.from({ length: 20 }, () => 0),
  suicideRiskLevel: 'low',
  intoxicatedToday: false,
  capacityToConsent: 'yes',
  adequateTrials: 3,
});

/** The base patient with some answers changed; `undefined` removes an answer. */
export function patientWith(
  changes: Record<string, AnswerValue | undefined>,
): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = { ...basePatient };
  for (const [id, value] of Object.entries(changes)) {
    if (value === undefined) delete answers[id];
    else answers[id] = value;
  }
  return answers;
}
