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

describe('ketamine-default 1.2.0', () => {
  it('is version 1.2.0 and has every rule added in 1.1.0 at rule version 1.1.0', () => {
    expect(ruleset.version).toBe('1.2.0');
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
    expect(question?.help?.en).toMatch(/do not count talking therapy/i);
    expect(question?.prompt.es).toMatch(/medicamentos antidepresivos/);
    expect(question?.help?.es).toMatch(/no cuente la psicoterapia/i);
  });

  it.each(
    ruleset.questions.map((question) => [question.id, question] as const),
  )('%s is asked of the clinician about the patient, with help on where to find the answer', (id, question) => {
    const { en, es } = question.prompt;
    expect(en, id).toMatch(/\bpatient(’s)?\b/i);
    expect(es, id).toMatch(/\bpaciente\b/i);
    // Never worded to the patient ("Are you…?", "your blood pressure").
    expect(en, id).not.toMatch(/\b(are|have|do|did|were|could|is) you\b|\byour\b/i);
    expect(es, id).not.toMatch(/\b(usted|le han dicho|su presión)\b/i);
    // A sentence, not a field name: a capital letter first, words, no camelCase id.
    expect(en, id).toMatch(/^[A-Z]/);
    expect(en, id).not.toMatch(/\b[a-z]+[A-Z][A-Za-z]*\b/);
    // A question asks ("…?", then perhaps "Select all that apply."); a measurement is a label.
    const measured = question.type === 'bloodPressure' || question.id === 'restingSpo2';
    expect([id, /\?($| Select all)/.test(en), /\?($| Marque)/.test(es)]).toEqual([
      id,
      !measured,
      !measured,
    ]);
    for (const locale of ['en', 'es'] as const)
      expect(question.help?.[locale]?.length ?? 0, `${id} help (${locale})`).toBeGreaterThan(12);
    for (const option of 'options' in question ? question.options : [])
      expect(option.label.en, id).not.toMatch(/\b(you|your)\b/i);
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
