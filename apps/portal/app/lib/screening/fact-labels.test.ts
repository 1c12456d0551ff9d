import { ketamineDefaultRuleset, screen } from '@groundwork/eligibility';
import { describe, expect, it } from 'vitest';
import { factLines } from './fact-labels';

const answers = {
  age: 40,
  sexAssignedAtBirth: 'male',
  psychoticDisorder: false,
  pastPsychoticEpisode: false,
  bipolarDisorder: false,
  hypertension: false,
  bloodPressureToday: { systolic: 170, diastolic: 80 },
};

describe('factLines', () => {
  it('words blood-pressure facts with the question prompt, never the field name', () => {
    const result = screen(answers, ketamineDefaultRuleset);
    const finding = result.findings.find((candidate) => candidate.ruleId === 'bp-above-threshold');
    expect(finding).toBeDefined();
    const lines = factLines(finding?.facts ?? {}, ketamineDefaultRuleset, 'en');
    expect(lines).toContainEqual({
      label: 'Patient’s blood pressure today, seated, before dosing (systolic)',
      value: '170',
    });
    expect(JSON.stringify(lines)).not.toContain('bloodPressureToday');
    const spanish = factLines(finding?.facts ?? {}, ketamineDefaultRuleset, 'es');
    expect(spanish[0]?.label).toMatch(
      /^Presión arterial del paciente hoy.*\((sistólica|diastólica)\)$/,
    );
  });

  it('words instrument scores, booleans and option codes', () => {
    const lines = factLines(
      { 'phq9.item9': 2, 'phq9.total': 19, pregnant: true, interactingMedicines: ['maoi'] },
      ketamineDefaultRuleset,
      'en',
    );
    expect(lines[0]).toEqual({ label: 'PHQ-9 item 9', value: '2' });
    expect(lines[1]).toEqual({ label: 'PHQ-9 total', value: '19' });
    expect(lines[2]?.value).toBe('Yes');
    expect(lines[2]?.label).not.toBe('pregnant');
    expect(lines[3]?.value).not.toBe('maoi');
  });
});
