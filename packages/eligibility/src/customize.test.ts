import { customize, ketamineDefaultRuleset, RulesetError, screen } from '@groundwork/eligibility';
import { describe, expect, it } from 'vitest';
import { patientWith } from '../test/fixtures.js';

const original = ketamineDefaultRuleset;
const snapshot = JSON.stringify(original);

describe('customize', () => {
  it('starts from a deep-frozen default ruleset', () => {
    expect(Object.isFrozen(original)).toBe(true);
    expect(Object.isFrozen(original.rules[0]?.parameters)).toBe(true);
  });

  it('changes a parameter, producing a new version and leaving the original untouched', () => {
    const custom = customize(original, {
      practiceId: 'acme-clinic',
      revision: 3,
      rules: { 'bp-above-threshold': { parameters: { systolicMax: 150 } } },
    });
    expect(custom).not.toBe(original);
    expect(custom.version).toBe('1.2.0+acme-clinic.3');
    expect(custom.basedOn).toEqual({ id: 'ketamine-default', version: '1.2.0' });
    const rule = custom.rules.find((candidate) => candidate.id === 'bp-above-threshold');
    expect(rule?.parameters).toEqual({ systolicMax: 150, diastolicMax: 90 });
    expect(rule?.version).toBe('1.0.0+acme-clinic.3');
    expect(JSON.stringify(original)).toBe(snapshot);

    const patient = patientWith({ bloodPressureToday: { systolic: 145, diastolic: 80 } });
    expect(screen(patient, original).decision).toBe('defer');
    const result = screen(patient, custom);
    expect(result.decision).toBe('eligible');
    expect(result.ruleset).toEqual({ id: 'ketamine-default', version: '1.2.0+acme-clinic.3' });
  });

  it('changes a severity (treatment-resistance policy made an exclusion)', () => {
    const custom = customize(original, {
      practiceId: 'strict',
      revision: 1,
      rules: {
        'treatment-resistance-policy': {
          severity: 'exclude',
          parameters: { minimumAdequateTrials: 3 },
        },
      },
    });
    const result = screen(patientWith({ adequateTrials: 2 }), custom);
    expect(result.decision).toBe('ineligible');
    expect(result.findings[0]?.message.en).toContain('Fewer than 3 adequate');
  });

  it('disables a rule only with a reason, and keeps the reason on the rule', () => {
    expect(() =>
      customize(original, {
        practiceId: 'acme',
        revision: 1,
        rules: { 'medicine-lamotrigine': { enabled: false } },
      }),
    ).toThrow(/overrides\.rules\.medicine-lamotrigine\.reason: disabling a rule needs a reason/);

    const custom = customize(original, {
      practiceId: 'acme',
      revision: 1,
      rules: {
        'medicine-lamotrigine': {
          enabled: false,
          reason: 'Psychiatrist reviews every regimen at intake',
        },
      },
    });
    const rule = custom.rules.find((candidate) => candidate.id === 'medicine-lamotrigine');
    expect(rule).toMatchObject({
      enabled: false,
      disabledReason: 'Psychiatrist reviews every regimen at intake',
    });
    expect(screen(patientWith({ interactingMedicines: ['lamotrigine'] }), custom).decision).toBe(
      'eligible',
    );
  });

  it('adds a rule, validated like any other', () => {
    const custom = customize(original, {
      practiceId: 'acme',
      revision: 2,
      addRules: [
        {
          id: 'upper-age-limit',
          version: '1.0.0',
          severity: 'exclude',
          condition: { greaterThan: [{ answer: 'age' }, { param: 'maximumAge' }] },
          parameters: { maximumAge: 80 },
          message: {
            en: 'Older than {maximumAge}: this practice refers older patients to its hospital partner',
            es: 'Mayor de {maximumAge} años: esta práctica deriva a los pacientes mayores a su hospital asociado',
          },
          references: ['askp3-standards'],
        },
      ],
    });
    expect(custom.rules.at(-1)?.id).toBe('upper-age-limit');
    expect(
      screen(patientWith({ age: 85 }), custom).findings.map((finding) => finding.ruleId),
    ).toEqual(['upper-age-limit', 'older-adult']);
    expect(screen(patientWith({ age: 80 }), custom).decision).toBe('needs-review');
    expect(() =>
      customize(original, {
        practiceId: 'acme',
        revision: 2,
        addRules: [
          {
            id: 'bad',
            version: '1',
            severity: 'review',
            condition: { answered: 'nope' },
            message: { en: 'x', es: 'x' },
            references: ['x'],
          },
        ],
      }),
    ).toThrow(/rules\[\d+\] \(bad\)\.condition\.answered: question "nope" does not exist/);
  });

  it('names a wrong override precisely', () => {
    const attempt = (rules: Record<string, unknown>) => () =>
      customize(original, { practiceId: 'acme', revision: 1, rules } as never);
    expect(attempt({ 'no-such-rule': { severity: 'info' } })).toThrow(
      'overrides.rules.no-such-rule: no rule "no-such-rule" in ruleset ketamine-default',
    );
    expect(attempt({ 'bp-above-threshold': { parameters: { systolic: 150 } } })).toThrow(
      'rule "bp-above-threshold" has no parameter "systolic" (parameters: systolicMax, diastolicMax)',
    );
    expect(attempt({ 'bp-above-threshold': { parameters: { systolicMax: '150' } } })).toThrow(
      'systolicMax: expected a whole number from 100 to 180 mmHg, received "150"',
    );
    let nested: unknown = 150;
    for (let level = 0; level < 20_000; level++) nested = [nested];
    expect(attempt({ 'bp-above-threshold': { parameters: { systolicMax: nested } } })).toThrow(
      'overrides.rules.bp-above-threshold.parameters.systolicMax: systolicMax: expected a whole number from 100 to 180 mmHg, received an array of 1',
    );
    expect(attempt({ 'bp-above-threshold': { severity: 'block' } })).toThrow(RulesetError);
    expect(() => customize(original, { practiceId: 'Acme Clinic', revision: 1 })).toThrow(
      /overrides\.practiceId: expected a kebab-case practice id/,
    );
  });

  it.each([
    ['bp-above-threshold', 'systolicMax', -5, 'a whole number from 100 to 180 mmHg', '-5'],
    ['bp-above-threshold', 'systolicMax', 1e9, 'a whole number from 100 to 180 mmHg', '1000000000'],
    ['bp-above-threshold', 'diastolicMax', 90.5, 'a whole number from 60 to 110 mmHg', '90.5'],
    [
      'treatment-resistance-policy',
      'minimumAdequateTrials',
      2.5,
      'a whole number from 1 to 10 trials',
      '2.5',
    ],
    [
      'treatment-resistance-policy',
      'minimumAdequateTrials',
      0,
      'a whole number from 1 to 10 trials',
      '0',
    ],
    ['age-minimum', 'minimumAge', Number.NaN, 'a whole number from 18 to 30 years', 'NaN'],
    [
      'cardiac-event-recent',
      'minimumMonthsSinceEvent',
      Number.POSITIVE_INFINITY,
      'a whole number from 1 to 60 months',
      'Infinity',
    ],
    ['gad7-severe-anxiety', 'severeFrom', 22, 'a whole number from 5 to 21 points', '22'],
  ])('refuses %s.%s = %s, naming the parameter and its range', (ruleId, name, value, range, shown) => {
    const attempt = () =>
      customize(original, {
        practiceId: 'acme',
        revision: 1,
        rules: { [ruleId]: { parameters: { [name]: value } } },
      });
    expect(attempt).toThrow(RulesetError);
    try {
      attempt();
    } catch (error) {
      expect((error as RulesetError).issues).toEqual([
        {
          path: `overrides.rules.${ruleId}.parameters.${name}`,
          message: `${name}: expected ${range}, received ${shown}`,
        },
      ]);
    }
  });

  it('accepts the ends of a documented range', () => {
    const custom = customize(original, {
      practiceId: 'acme',
      revision: 1,
      rules: {
        'bp-above-threshold': { parameters: { systolicMax: 180, diastolicMax: 60 } },
        'treatment-resistance-policy': { parameters: { minimumAdequateTrials: 1 } },
      },
    });
    const rule = custom.rules.find((candidate) => candidate.id === 'bp-above-threshold');
    expect(rule?.parameters).toEqual({ systolicMax: 180, diastolicMax: 60 });
  });

  it('documents a range for every numeric parameter of the default ruleset', () => {
    for (const rule of original.rules) {
      for (const [name, value] of Object.entries(rule.parameters)) {
        if (typeof value !== 'number') continue;
        const range = rule.parameterRanges?.[name];
        expect([rule.id, name, range !== undefined]).toEqual([rule.id, name, true]);
        if (range) expect(value).toBeGreaterThanOrEqual(range.min);
        if (range) expect(value).toBeLessThanOrEqual(range.max);
      }
    }
  });

  it('checks an added rule against its own ranges', () => {
    const added = (reviewFrom: number) => ({
      id: 'practice-age-review',
      version: '1.0.0',
      severity: 'review' as const,
      condition: { greaterThanOrEqual: [{ answer: 'age' }, { param: 'reviewFrom' }] },
      parameters: { reviewFrom },
      parameterRanges: { reviewFrom: { min: 40, max: 90, integer: true, unit: 'years' } },
      message: { en: 'Aged {reviewFrom} or over', es: '{reviewFrom} años o más' },
      references: ['askp3-standards'],
    });
    expect(() =>
      customize(original, { practiceId: 'acme', revision: 1, addRules: [added(120)] }),
    ).toThrow(
      /\(practice-age-review\)\.parameters\.reviewFrom: reviewFrom: expected a whole number from 40 to 90 years, received 120/,
    );
    const custom = customize(original, { practiceId: 'acme', revision: 1, addRules: [added(80)] });
    expect(() =>
      customize(custom, {
        practiceId: 'acme',
        revision: 2,
        rules: { 'practice-age-review': { parameters: { reviewFrom: 30 } } },
      }),
    ).toThrow('reviewFrom: expected a whole number from 40 to 90 years, received 30');
  });

  it('re-customising replaces the build metadata and records the parent', () => {
    const first = customize(original, { practiceId: 'acme', revision: 1 });
    const second = customize(first, { practiceId: 'acme', revision: 2 });
    expect(second.version).toBe('1.2.0+acme.2');
    expect(second.basedOn).toEqual({ id: 'ketamine-default', version: '1.2.0+acme.1' });
    expect(first.version).toBe('1.2.0+acme.1');
  });
});
