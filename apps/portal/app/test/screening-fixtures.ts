/**
 * Screening form posts as a browser sends them (field names of
 * app/lib/screening-form.ts), for route tests. Fictional patients.
 */

const PHQ9_MODERATE = [2, 2, 2, 2, 1, 1, 1, 1, 0];

function items(questionId: string, scores: number[]): Record<string, string> {
  return Object.fromEntries(
    scores.map((score, index) => [`q.${questionId}.${index + 1}`, String(score)]),
  );
}

/** Every required question answered; no rule fires under `ketamine-default`. */
export function eligibleForm(): Record<string, string | string[]> {
  return {
    lang: 'en',
    'q.age': '35',
    'q.sexAssignedAtBirth': 'male',
    'q.psychoticDisorder': 'no',
    'q.pastPsychoticEpisode': 'no',
    'q.bipolarDisorder': 'no',
    'q.hypertension': 'no',
    'q.bloodPressureToday.systolic': '122',
    'q.bloodPressureToday.diastolic': '78',
    'q.restingSpo2': '98',
    'q.vascularConditions': 'none',
    'q.raisedIntracranialPressure': 'no',
    'q.recentHeadInjury': 'no',
    'q.heartDisease': 'no',
    'q.cardiacEventOrStroke': 'no',
    'q.breathingConditions': 'none',
    'q.seizureDisorder': 'no',
    'q.glaucoma': 'no',
    'q.hyperthyroidism': 'no',
    'q.liverDisease': 'no',
    'q.kidneyDisease': 'no',
    'q.bladderProblems': 'no',
    'q.substanceUseDisorder': 'no',
    'q.ketamineMisuse': 'no',
    'q.interactingMedicines': 'none',
    'q.ketamineHypersensitivity': 'no',
    ...items('phq9', PHQ9_MODERATE),
    'q.suicideRiskLevel': 'low',
    'q.intoxicatedToday': 'no',
    'q.capacityToConsent': 'yes',
    'q.adequateTrials': '2',
  };
}

/** PHQ-9 items with item 9 set to `item9`. */
export function phq9Items(item9: number): Record<string, string> {
  return items('phq9', [...PHQ9_MODERATE.slice(0, 8), item9]);
}
