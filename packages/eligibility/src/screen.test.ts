import {
  type AnswerValue,
  type Decision,
  ketamineDefaultRuleset,
  screen,
} from '@groundwork/eligibility';
import { describe, expect, it } from 'vitest';
import { basePatient, patientWith } from '../test/fixtures.js';

interface Case {
  name: string;
  change: Record<string, AnswerValue | undefined>;
  decision: Decision;
  rules: string[];
  missing?: string[];
  urgent?: boolean;
  /** Questions whose answers were ignored because skip logic hides them. */
  hidden?: string[];
}

const item9 = [2, 2, 2, 2, 1, 1, 1, 1, 1];

// One row per clinical case: a change from the base eligible patient.
const cases: Case[] = [
  { name: 'base patient', change: {}, decision: 'eligible', rules: [] },
  { name: 'aged 17', change: { age: 17 }, decision: 'ineligible', rules: ['age-minimum'] },
  { name: 'aged exactly 18', change: { age: 18 }, decision: 'eligible', rules: [] },
  { name: 'pregnant', change: { pregnant: 'yes' }, decision: 'ineligible', rules: ['pregnancy'] },
  {
    name: 'unsure about pregnancy',
    change: { pregnant: 'unsure' },
    decision: 'needs-review',
    rules: ['pregnancy-possible'],
  },
  {
    name: 'breastfeeding',
    change: { breastfeeding: true },
    decision: 'ineligible',
    rules: ['breastfeeding'],
  },
  {
    name: 'male: pregnancy questions not asked',
    change: { sexAssignedAtBirth: 'male', pregnant: undefined, breastfeeding: undefined },
    decision: 'eligible',
    rules: [],
  },
  {
    name: 'male: a stray pregnancy answer for a hidden question is ignored, with a warning',
    change: { sexAssignedAtBirth: 'male', pregnant: 'yes', breastfeeding: undefined },
    decision: 'eligible',
    rules: [],
    hidden: ['pregnant'],
  },
  {
    name: 'ketamine cystitis reported while denying bladder problems: ignored, with a warning',
    change: { bladderProblems: false, ketamineCystitis: true },
    decision: 'eligible',
    rules: [],
    hidden: ['ketamineCystitis'],
  },
  {
    name: 'psychotic disorder',
    change: { psychoticDisorder: true },
    decision: 'ineligible',
    rules: ['psychotic-disorder'],
  },
  {
    name: 'past psychotic episode',
    change: { pastPsychoticEpisode: true },
    decision: 'needs-review',
    rules: ['past-psychotic-episode'],
  },
  {
    name: 'bipolar disorder, stable',
    change: { bipolarDisorder: true, bipolarRecentMania: false },
    decision: 'needs-review',
    rules: ['bipolar-disorder'],
  },
  {
    name: 'bipolar disorder with recent mania',
    change: { bipolarDisorder: true, bipolarRecentMania: true },
    decision: 'ineligible',
    rules: ['bipolar-recent-mania', 'bipolar-disorder'],
  },
  {
    name: 'bipolar disorder, follow-up unanswered',
    change: { bipolarDisorder: true },
    decision: 'needs-review',
    rules: ['bipolar-disorder'],
    missing: ['bipolarRecentMania'],
  },
  {
    name: 'systolic 141 today',
    change: { bloodPressureToday: { systolic: 141, diastolic: 80 } },
    decision: 'defer',
    rules: ['bp-above-threshold'],
  },
  {
    name: 'blood pressure exactly 140/90',
    change: { bloodPressureToday: { systolic: 140, diastolic: 90 } },
    decision: 'eligible',
    rules: [],
  },
  {
    name: 'diastolic 91 today',
    change: { bloodPressureToday: { systolic: 130, diastolic: 91 } },
    decision: 'defer',
    rules: ['bp-above-threshold'],
  },
  {
    name: 'no blood pressure yet (measured on the day)',
    change: { bloodPressureToday: undefined },
    decision: 'eligible',
    rules: [],
  },
  {
    name: 'controlled hypertension',
    change: { hypertension: true, hypertensionControlled: 'yes' },
    decision: 'eligible',
    rules: [],
  },
  {
    name: 'uncontrolled hypertension',
    change: { hypertension: true, hypertensionControlled: 'no' },
    decision: 'needs-review',
    rules: ['hypertension-uncontrolled'],
  },
  {
    name: 'unsure whether hypertension is controlled',
    change: { hypertension: true, hypertensionControlled: 'unsure' },
    decision: 'needs-review',
    rules: ['hypertension-uncontrolled'],
  },
  {
    name: 'aneurysm',
    change: { vascularConditions: ['aneurysm'] },
    decision: 'ineligible',
    rules: ['vascular-aneurysm-avm-haemorrhage'],
  },
  {
    name: 'AVM and intracerebral haemorrhage',
    change: { vascularConditions: ['avm', 'intracerebral-haemorrhage'] },
    decision: 'ineligible',
    rules: ['vascular-aneurysm-avm-haemorrhage'],
  },
  {
    name: 'heart disease',
    change: { heartDisease: true },
    decision: 'needs-review',
    rules: ['heart-disease'],
  },
  {
    name: 'heart attack 3 months ago',
    change: { cardiacEventOrStroke: true, cardiacEventMonthsAgo: 3 },
    decision: 'defer',
    rules: ['cardiac-event-recent', 'cardiac-event-or-stroke'],
  },
  {
    name: 'stroke 2 years ago',
    change: { cardiacEventOrStroke: true, cardiacEventMonthsAgo: 24 },
    decision: 'needs-review',
    rules: ['cardiac-event-or-stroke'],
  },
  {
    name: 'hyperthyroidism',
    change: { hyperthyroidism: true },
    decision: 'needs-review',
    rules: ['hyperthyroidism'],
  },
  {
    name: 'liver disease',
    change: { liverDisease: true },
    decision: 'needs-review',
    rules: ['liver-disease'],
  },
  {
    name: 'kidney disease',
    change: { kidneyDisease: true },
    decision: 'needs-review',
    rules: ['kidney-or-bladder-history'],
  },
  {
    name: 'bladder problems, not ketamine-related',
    change: { bladderProblems: true, ketamineCystitis: false },
    decision: 'needs-review',
    rules: ['kidney-or-bladder-history'],
  },
  {
    name: 'ketamine-related cystitis',
    change: { bladderProblems: true, ketamineCystitis: true },
    decision: 'ineligible',
    rules: ['ketamine-cystitis', 'kidney-or-bladder-history'],
  },
  {
    name: 'active substance use disorder',
    change: { substanceUseDisorder: true, substanceUseMonthsAbstinent: 0 },
    decision: 'ineligible',
    rules: ['substance-use-recent', 'substance-use-history'],
  },
  {
    name: 'substance use disorder, 2 years abstinent',
    change: { substanceUseDisorder: true, substanceUseMonthsAbstinent: 24 },
    decision: 'needs-review',
    rules: ['substance-use-history'],
  },
  {
    name: 'prior ketamine misuse',
    change: { ketamineMisuse: true },
    decision: 'ineligible',
    rules: ['ketamine-misuse'],
  },
  {
    name: 'takes an MAOI',
    change: { interactingMedicines: ['maoi'] },
    decision: 'needs-review',
    rules: ['medicine-maoi'],
  },
  {
    name: 'takes a benzodiazepine and lamotrigine',
    change: { interactingMedicines: ['benzodiazepine-or-sedative', 'lamotrigine'] },
    decision: 'needs-review',
    rules: ['medicine-benzodiazepine-or-sedative', 'medicine-lamotrigine'],
  },
  {
    name: 'takes a stimulant and an opioid',
    change: { interactingMedicines: ['stimulant', 'opioid'] },
    decision: 'needs-review',
    rules: ['medicine-stimulant', 'medicine-opioid'],
  },
  {
    name: 'hypersensitivity to ketamine',
    change: { ketamineHypersensitivity: true },
    decision: 'ineligible',
    rules: ['ketamine-hypersensitivity'],
  },
  {
    name: 'PHQ-9 item 9 above 0',
    change: { phq9: item9 },
    decision: 'needs-review',
    rules: ['phq9-item9-positive'],
    urgent: true,
  },
  {
    name: 'clinician-assessed suicide risk high',
    change: { suicideRiskLevel: 'high' },
    decision: 'defer',
    rules: ['suicide-risk-high'],
    urgent: true,
  },
  {
    name: 'clinician-assessed suicide risk moderate',
    change: { suicideRiskLevel: 'moderate' },
    decision: 'needs-review',
    rules: ['suicide-risk-moderate'],
  },
  {
    name: 'one adequate treatment trial',
    change: { adequateTrials: 1 },
    decision: 'needs-review',
    rules: ['treatment-resistance-policy'],
  },
  {
    name: 'exactly two adequate trials',
    change: { adequateTrials: 2 },
    decision: 'eligible',
    rules: [],
  },
  {
    name: 'severe anxiety on GAD-7 (info only)',
    change: { gad7: [3, 3, 3, 3, 3, 3, 3] },
    decision: 'eligible',
    rules: ['gad7-severe-anxiety'],
  },
  {
    name: 'provisional PTSD on PCL-5 (info only)',
    change: { pcl5: Array.from({ length: 20 }, () => 2) },
    decision: 'eligible',
    rules: ['pcl5-provisional-ptsd'],
  },
  {
    name: 'age not answered',
    change: { age: undefined },
    decision: 'incomplete',
    rules: [],
    missing: ['age'],
  },
  {
    name: 'pregnant, with age unanswered: the exclusion still shows',
    change: { age: undefined, pregnant: 'yes' },
    decision: 'ineligible',
    rules: ['pregnancy'],
    missing: ['age'],
  },
  {
    name: 'pregnancy "yes" counts even while sex at birth is unanswered',
    change: { sexAssignedAtBirth: undefined, pregnant: 'yes' },
    decision: 'ineligible',
    rules: ['pregnancy'],
    missing: ['sexAssignedAtBirth'],
  },
  {
    name: 'high blood pressure and a contraindication: both reported',
    change: { bloodPressureToday: { systolic: 170, diastolic: 100 }, ketamineMisuse: true },
    decision: 'ineligible',
    rules: ['ketamine-misuse', 'bp-above-threshold'],
  },
  {
    name: 'defer outranks review',
    change: { heartDisease: true, bloodPressureToday: { systolic: 150, diastolic: 85 } },
    decision: 'defer',
    rules: ['bp-above-threshold', 'heart-disease'],
  },
  // ketamine-default 1.1.0 additions.
  { name: 'aged 64', change: { age: 64 }, decision: 'eligible', rules: [] },
  { name: 'aged 65', change: { age: 65 }, decision: 'needs-review', rules: ['older-adult'] },
  {
    name: 'raised intracranial pressure',
    change: { raisedIntracranialPressure: true },
    decision: 'needs-review',
    rules: ['raised-intracranial-pressure'],
  },
  {
    name: 'head injury in the past 3 months',
    change: { recentHeadInjury: true },
    decision: 'needs-review',
    rules: ['recent-head-injury'],
  },
  {
    name: 'COPD',
    change: { breathingConditions: ['lung-disease'] },
    decision: 'needs-review',
    rules: ['respiratory-disease-or-sleep-apnea'],
  },
  {
    name: 'sleep apnea',
    change: { breathingConditions: ['sleep-apnea'] },
    decision: 'needs-review',
    rules: ['respiratory-disease-or-sleep-apnea'],
  },
  {
    name: 'resting SpO2 93%',
    change: { restingSpo2: 93 },
    decision: 'needs-review',
    rules: ['resting-spo2-low'],
  },
  { name: 'resting SpO2 94%', change: { restingSpo2: 94 }, decision: 'eligible', rules: [] },
  {
    name: 'SpO2 not measured yet (clinician question, optional)',
    change: { restingSpo2: undefined },
    decision: 'eligible',
    rules: [],
  },
  {
    name: 'epilepsy',
    change: { seizureDisorder: true },
    decision: 'needs-review',
    rules: ['seizure-disorder'],
  },
  {
    name: 'glaucoma',
    change: { glaucoma: true },
    decision: 'needs-review',
    rules: ['glaucoma-or-raised-eye-pressure'],
  },
  {
    name: 'intoxicated today',
    change: { intoxicatedToday: true },
    decision: 'defer',
    rules: ['intoxication-today'],
  },
  {
    name: 'lacks capacity to consent today',
    change: { capacityToConsent: 'no' },
    decision: 'defer',
    rules: ['capacity-lacking'],
  },
  {
    name: 'capacity to consent unclear',
    change: { capacityToConsent: 'unsure' },
    decision: 'needs-review',
    rules: ['capacity-uncertain'],
  },
  {
    name: 'one adequate antidepressant trial',
    change: { adequateTrials: 1 },
    decision: 'needs-review',
    rules: ['treatment-resistance-policy'],
  },
  {
    name: 'older adult with sleep apnea, intoxicated today',
    change: { age: 72, breathingConditions: ['sleep-apnea'], intoxicatedToday: true },
    decision: 'defer',
    rules: ['intoxication-today', 'older-adult', 'respiratory-disease-or-sleep-apnea'],
  },
];

describe('screen: clinical cases against ketamine-default', () => {
  it.each(cases)('$name → $decision', ({ change, decision, rules, missing, urgent, hidden }) => {
    const result = screen(patientWith(change), ketamineDefaultRuleset);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((warning) => warning.question)).toEqual(hidden ?? []);
    expect(result.decision).toBe(decision);
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(rules);
    expect(result.missing).toEqual(missing ?? []);
    expect(result.urgent).toBe(urgent ?? false);
  });

  it('covers at least 30 clinical cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });
});

describe('screen: result content', () => {
  it('explains each finding with interpolated parameters, facts and references', () => {
    const result = screen(
      patientWith({ bloodPressureToday: { systolic: 150, diastolic: 95 } }),
      ketamineDefaultRuleset,
    );
    const [finding] = result.findings;
    expect(finding?.message.en).toContain('above 140/90 mmHg');
    expect(finding?.message.es).toContain('supera 140/90 mmHg');
    expect(finding?.facts).toEqual({
      'bloodPressureToday.systolic': 150,
      'bloodPressureToday.diastolic': 95,
    });
    expect(finding?.references.map((reference) => reference.id)).toEqual([
      'spravato-label',
      'spravato-hcp-dosing',
    ]);
    expect(result.ruleset).toEqual({ id: 'ketamine-default', version: '1.2.0' });
  });

  it('returns instrument scores', () => {
    const result = screen(basePatient, ketamineDefaultRuleset);
    expect(result.scores.phq9).toMatchObject({ total: 12, band: 'moderate', flags: [] });
    expect(result.scores.gad7).toMatchObject({ total: 7, band: 'mild' });
    expect(result.scores.pcl5).toMatchObject({ total: 0, flags: [] });
  });

  it('is never eligible on an empty answer set, and lists every required question', () => {
    const result = screen({}, ketamineDefaultRuleset);
    expect(result.decision).toBe('incomplete');
    expect(result.missing).toContain('age');
    expect(result.missing).toContain('phq9');
    expect(result.missing).not.toContain('pregnant');
  });

  it('treats null as unanswered', () => {
    const result = screen(patientWith({}), ketamineDefaultRuleset);
    const withNull = screen({ ...patientWith({}), age: null }, ketamineDefaultRuleset);
    expect(result.decision).toBe('eligible');
    expect(withNull.decision).toBe('incomplete');
    expect(withNull.missing).toEqual(['age']);
  });
});

describe('screen: answers hidden by skip logic', () => {
  it('returns a typed warning naming the question and the question that hides it', () => {
    const result = screen(
      patientWith({ bladderProblems: false, ketamineCystitis: true }),
      ketamineDefaultRuleset,
    );
    expect(result.decision).toBe('eligible');
    expect(result.findings).toEqual([]);
    expect(result.warnings).toEqual([
      {
        kind: 'hidden-answer',
        question: 'ketamineCystitis',
        hiddenBy: ['bladderProblems'],
        answer: true,
        message: {
          en: 'The answer to ketamineCystitis was not used: with the answer given to bladderProblems, this question is not asked. Check both answers; if the answer to ketamineCystitis is right, correct bladderProblems and screen again.',
          es: 'No se usó la respuesta a ketamineCystitis: con la respuesta dada a bladderProblems, esta pregunta no se hace. Revise ambas respuestas; si la de ketamineCystitis es correcta, corrija bladderProblems y vuelva a evaluar.',
        },
      },
    ]);
  });

  it('lists every hidden answer in question order, and copies array answers', () => {
    const answers = patientWith({
      sexAssignedAtBirth: 'male',
      pregnant: 'no',
      breastfeeding: false,
      bipolarDisorder: false,
      bipolarRecentMania: true,
      substanceUseDisorder: false,
      substanceUseMonthsAbstinent: 3,
    });
    const result = screen(answers, ketamineDefaultRuleset);
    expect(result.warnings.map(({ question, hiddenBy }) => [question, hiddenBy])).toEqual([
      ['pregnant', ['sexAssignedAtBirth']],
      ['breastfeeding', ['sexAssignedAtBirth']],
      ['bipolarRecentMania', ['bipolarDisorder']],
      ['substanceUseMonthsAbstinent', ['substanceUseDisorder']],
    ]);
    expect(result.decision).toBe('eligible');
  });

  it('does not warn while the gating question is unanswered (the answer still counts)', () => {
    const result = screen(
      patientWith({ sexAssignedAtBirth: undefined, pregnant: 'yes' }),
      ketamineDefaultRuleset,
    );
    expect(result.warnings).toEqual([]);
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['pregnancy']);
  });

  it('ignores a null answer to a hidden question', () => {
    const result = screen(
      { ...patientWith({ bladderProblems: false }), ketamineCystitis: null },
      ketamineDefaultRuleset,
    );
    expect(result.warnings).toEqual([]);
  });

  it('has no warnings when the answers are invalid (no decision is made)', () => {
    const result = screen(
      patientWith({ age: 250, bladderProblems: false, ketamineCystitis: true }),
      ketamineDefaultRuleset,
    );
    expect(result.errors).not.toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});

describe('screen: invalid answers', () => {
  it('names each bad answer and makes no decision on bad data', () => {
    const result = screen(
      patientWith({ age: 250, pregnant: 'maybe', ketamineMisuse: true }),
      ketamineDefaultRuleset,
    );
    expect(result.decision).toBe('incomplete');
    expect(result.findings).toEqual([]);
    expect(result.errors).toEqual([
      { question: 'age', message: 'expected a whole number from 0 to 120 years' },
      { question: 'pregnant', message: 'expected one of: yes, no, unsure' },
    ]);
  });

  it('rejects unknown question ids, wrong types and bad instrument items', () => {
    const result = screen(
      { ...basePatient, smoker: true, heartDisease: 'no', phq9: [0, 0, 4] },
      ketamineDefaultRuleset,
    );
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { question: 'smoker', message: 'unknown question id' },
        { question: 'heartDisease', message: 'expected true or false' },
        { question: 'phq9', message: 'PHQ-9: expected 9 item scores, received 3' },
        {
          question: 'phq9',
          message: 'PHQ-9 item 3: expected a whole number from 0 to 3, received 4',
        },
      ]),
    );
  });

  it('rejects "none" combined with a medicine, and an impossible blood pressure', () => {
    const result = screen(
      patientWith({
        interactingMedicines: ['none', 'opioid'],
        bloodPressureToday: { systolic: 80, diastolic: 90 },
      }),
      ketamineDefaultRuleset,
    );
    expect(result.errors.map((error) => error.question)).toEqual([
      'bloodPressureToday',
      'interactingMedicines',
    ]);
  });

  it('makes no decision from answers inherited through a prototype', () => {
    const result = screen(Object.create({ age: 12 }), ketamineDefaultRuleset);
    expect(result.decision).toBe('incomplete');
    expect(result.findings).toEqual([]);
    expect(result.errors).toEqual([
      { question: null, message: 'expected an object of answers keyed by question id' },
    ]);
  });

  it.each([null, 42, 'yes', [], [1, 2]])('reports a non-object answer set (%j)', (input) => {
    const result = screen(input, ketamineDefaultRuleset);
    expect(result.decision).toBe('incomplete');
    expect(result.errors[0]?.question).toBeNull();
  });
});
