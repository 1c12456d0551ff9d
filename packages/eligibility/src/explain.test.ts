import { explain, ketamineDefaultRuleset, screen } from '@groundwork/eligibility';
import { describe, expect, it } from 'vitest';
import { patientWith } from '../test/fixtures.js';

describe('explain', () => {
  it('says it is decision support and lists findings with their sources, urgent first', () => {
    const result = screen(
      patientWith({ heartDisease: true, phq9: [1, 1, 1, 1, 1, 1, 1, 1, 2] }),
      ketamineDefaultRuleset,
    );
    const text = explain(result, 'en');
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^Decision support only/);
    expect(text).toContain('A licensed clinician');
    expect(text).toContain('needs clinician review');
    expect(text).toContain('URGENT: act today');
    const urgentLine = lines.findIndex((line) => line.includes('phq9-item9-positive'));
    const heartLine = lines.findIndex((line) => line.includes('heart-disease'));
    expect(urgentLine).toBeGreaterThan(0);
    expect(urgentLine).toBeLessThan(heartLine);
    expect(lines[urgentLine]).toContain('kroenke-2001-phq9');
    expect(text).toContain('PHQ-9: 10 (moderate) [item9Positive]');
    expect(text).toContain(
      '- [kroenke-2001-phq9] Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure.',
    );
    expect(text).toContain('https://doi.org/10.1046/j.1525-1497.2001.016009606.x');
  });

  it('writes Spanish, with missing questions by prompt when given the ruleset', () => {
    const result = screen(patientWith({ age: undefined }), ketamineDefaultRuleset);
    const text = explain(result, 'es', ketamineDefaultRuleset);
    expect(text).toMatch(/^Solo apoyo a la decisión/);
    expect(text).toContain('incompleto');
    expect(text).toContain('- ¿Qué edad tiene el paciente, en años cumplidos?');
  });

  it('lists answers the skip logic hid, in the chosen language', () => {
    const result = screen(
      patientWith({ bladderProblems: false, ketamineCystitis: true }),
      ketamineDefaultRuleset,
    );
    expect(explain(result)).toContain(
      'Answers not used (check them):\n- The answer to ketamineCystitis was not used: with the answer given to bladderProblems',
    );
    expect(explain(result, 'es')).toContain(
      'Respuestas no utilizadas (revíselas):\n- No se usó la respuesta a ketamineCystitis',
    );
    expect(explain(screen(patientWith({}), ketamineDefaultRuleset))).not.toContain(
      'Answers not used',
    );
  });

  it('reports invalid answers instead of findings', () => {
    const result = screen({ age: 'old' }, ketamineDefaultRuleset);
    const text = explain(result);
    expect(text).toContain('Answers that could not be used');
    expect(text).toContain('- age: expected a whole number');
    expect(text).not.toContain('Findings');
    expect(text).toContain('some answers are not valid, so no decision was made');
    expect(text).not.toContain('required answers are missing');
    expect(explain(result, 'es')).toContain('algunas respuestas no son válidas');
  });
});

describe('explain: robustness', () => {
  it('falls back to English for an unknown locale at runtime', () => {
    const result = screen(patientWith({}), ketamineDefaultRuleset);
    expect(explain(result, 'fr' as never)).toMatch(/^Decision support only/);
  });
});
