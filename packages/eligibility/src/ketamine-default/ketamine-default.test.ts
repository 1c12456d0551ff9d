import { getReference } from '@groundwork/content/references';
import { ketamineDefaultRuleset, toFhirQuestionnaire } from '@groundwork/eligibility';
import { describe, expect, it } from 'vitest';

const ruleset = ketamineDefaultRuleset;

/** Rules added in 1.1.0 (issue 13, item 8), each with the question it reads. */
const added = [
  ['raised-intracranial-pressure', 'raisedIntracranialPressure'],
  ['recent-head-injury', 'recentHeadInjury'],
  ['respiratory-disease-or-sleep-apnea', 'breathingConditions'],
  ['resting-spo2-low', 'restingSpo2'],
  ['seizure-disorder', 'seizureDisorder'],
  ['glaucoma-or-raised-eye-pressure', 'glaucoma'],
  ['intoxication-today', 'intoxicatedToday'],
  ['older-adult', 'age'],
  ['capacity-lacking', 'capacityToConsent'],
  ['capacity-uncertain', 'capacityToConsent'],
] as const;

describe('ketamine-default 1.1.0', () => {
  it('is version 1.1.0 and has every added rule at rule version 1.1.0', () => {
    expect(ruleset.version).toBe('1.1.0');
    for (const [ruleId, questionId] of added) {
      const rule = ruleset.rules.find((candidate) => candidate.id === ruleId);
      expect([ruleId, rule?.version]).toEqual([ruleId, '1.1.0']);
      expect(JSON.stringify(rule?.condition)).toContain(`"answer":"${questionId}"`);
    }
  });

  it.each(
    ruleset.rules.map((rule) => [rule.id, rule] as const),
  )('%s cites a checkable source and explains its finding in both languages', (_, rule) => {
    expect(rule.references.length).toBeGreaterThan(0);
    for (const id of rule.references) {
      const reference = getReference(id);
      expect([id, Boolean(reference?.url ?? reference?.doi)]).toEqual([id, true]);
    }
    for (const text of [rule.message.en, rule.message.es]) {
      // "What was found: why it matters and what a clinician does".
      const [finding, reason] = text.split(/:\s(.*)/s);
      expect(finding?.length).toBeGreaterThan(5);
      expect(reason?.length ?? 0).toBeGreaterThan(25);
    }
  });

  it.each(
    ruleset.rules.map((rule) => [rule.id, rule.message] as const),
  )('%s reads as decision support for a clinician, never a verdict', (_, message) => {
    expect(message.en).not.toMatch(/\b(you|your|eligible|ineligible|not a candidate)\b/i);
    expect(message.es).not.toMatch(/\b(usted|apto|no apto|candidato)\b/i);
  });

  it('asks about antidepressant trials in the current episode, not psychotherapy', () => {
    const question = ruleset.questions.find((candidate) => candidate.id === 'adequateTrials');
    expect(question?.prompt.en).toMatch(/current episode of depression/);
    expect(question?.prompt.en).toMatch(/antidepressant medicines/);
    expect(question?.help?.en).toMatch(/Do not count talking therapy/);
    expect(question?.prompt.es).toMatch(/medicamentos antidepresivos/);
    expect(question?.help?.es).toMatch(/No cuente la psicoterapia/);
  });

  it('says plainly which psychosis question to use', () => {
    const byId = (id: string) => ruleset.questions.find((candidate) => candidate.id === id);
    expect(byId('psychoticDisorder')?.help?.en).toMatch(/belongs in the next question/);
    expect(byId('pastPsychoticEpisode')?.help?.en).toMatch(/answer yes to the question above/);
    expect(byId('pastPsychoticEpisode')?.prompt.en).toMatch(/^Apart from any diagnosis/);
  });

  it('exports the new questions to FHIR: SpO2 with its unit and bounds, breathing problems repeating', () => {
    const questionnaire = toFhirQuestionnaire(ruleset, 'en');
    const byId = new Map(questionnaire.item.map((item) => [item.linkId, item]));
    for (const [, questionId] of added) expect(byId.has(questionId)).toBe(true);
    const spo2 = byId.get('restingSpo2');
    expect(spo2).toMatchObject({ type: 'integer', required: false });
    expect(spo2?.extension).toEqual(
      expect.arrayContaining([
        { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: 50 },
        { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 100 },
        {
          url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit',
          valueCoding: { system: 'http://unitsofmeasure.org', code: '%', display: '%' },
        },
      ]),
    );
    expect(byId.get('breathingConditions')).toMatchObject({ type: 'choice', repeats: true });
    expect(
      byId.get('capacityToConsent')?.answerOption?.map((option) => option.valueCoding?.code),
    ).toEqual(['yes', 'no', 'unsure']);
  });
});
