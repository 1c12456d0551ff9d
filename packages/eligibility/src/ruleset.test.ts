import {
  ketamineDefaultRuleset,
  parseRuleset,
  RulesetError,
  type RulesetInput,
  rulesetIssues,
  screen,
} from '@groundwork/eligibility';
import { describe, expect, it } from 'vitest';

const minimal: RulesetInput = {
  id: 'tiny',
  version: '1.0.0',
  title: { en: 'Tiny', es: 'Pequeño' },
  questions: [
    { id: 'age', type: 'number', prompt: { en: 'Age', es: 'Edad' }, min: 0, max: 120 },
    { id: 'smoker', type: 'boolean', prompt: { en: 'Smoker?', es: '¿Fuma?' } },
    { id: 'phq9', type: 'instrument', instrument: 'phq9', prompt: { en: 'PHQ-9', es: 'PHQ-9' } },
  ],
  rules: [
    {
      id: 'too-young',
      version: '1.0.0',
      severity: 'exclude',
      condition: { lessThan: [{ answer: 'age' }, { param: 'minimumAge' }] },
      parameters: { minimumAge: 18 },
      message: { en: 'Under {minimumAge}', es: 'Menor de {minimumAge}' },
      references: ['spravato-label'],
    },
  ],
};

function withRule(change: Record<string, unknown>): unknown {
  return { ...minimal, rules: [{ ...minimal.rules[0], ...change }] };
}

describe('RulesetSchema', () => {
  it('accepts the default ruleset and a minimal one', () => {
    expect(rulesetIssues(ketamineDefaultRuleset)).toEqual([]);
    expect(parseRuleset(minimal).rules[0]?.enabled).toBe(true);
  });

  it.each([
    [
      'an unknown question',
      withRule({ condition: { equals: [{ answer: 'weight' }, 3] } }),
      'rules[0] (too-young).condition.equals[0].answer',
      'question "weight" does not exist',
    ],
    [
      'an unknown parameter',
      withRule({ condition: { lessThan: [{ answer: 'age' }, { param: 'minAge' }] } }),
      'rules[0] (too-young).condition.lessThan[1].param',
      'parameter "minAge" is not defined on this rule (defined: minimumAge)',
    ],
    [
      'a rule version that is not a semantic version',
      withRule({ version: 'one' }),
      'rules[0] (too-young).version',
      'expected a semantic version such as 1.0.0 or 1.0.0+acme-clinic.1',
    ],
    [
      'a misspelt rule field',
      withRule({ sevrity: 'review' }),
      'rules[0] (too-young)',
      'Unrecognized key: "sevrity"',
    ],
    [
      'an unknown severity',
      withRule({ severity: 'block' }),
      'rules[0] (too-young).severity',
      'Invalid option: expected one of "exclude"|"defer"|"review"|"info"',
    ],
    [
      'a misspelt condition operator',
      withRule({ condition: { lesThan: [{ answer: 'age' }, 18] } }),
      'rules[0] (too-young).condition',
      'expected a condition with exactly one of',
    ],
    [
      'a bad operand deep inside a condition',
      withRule({
        condition: {
          any: [{ equals: [{ answer: 'smoker' }, true] }, { lessThan: [{ anser: 'age' }, 3] }],
        },
      }),
      'rules[0] (too-young).condition.any[1].lessThan[0]',
      'expected an operand',
    ],
    [
      'a message placeholder without a parameter',
      withRule({ message: { en: 'Under {age}', es: 'Menor de {minimumAge}' } }),
      'rules[0] (too-young).message.en',
      'placeholder {age} names no parameter of this rule',
    ],
    [
      'a disabled rule without a reason',
      withRule({ enabled: false }),
      'rules[0] (too-young).disabledReason',
      'a disabled rule must say why',
    ],
    [
      'a rule without references',
      withRule({ references: [] }),
      'rules[0] (too-young).references',
      'every rule cites at least one reference',
    ],
    [
      'a parameter outside its own range',
      withRule({
        parameterRanges: { minimumAge: { min: 21, max: 30, integer: true, unit: 'years' } },
      }),
      'rules[0] (too-young).parameters.minimumAge',
      'minimumAge: expected a whole number from 21 to 30 years, received 18',
    ],
    [
      'a range for a parameter the rule does not have',
      withRule({ parameterRanges: { minAge: { min: 0, max: 30 } } }),
      'rules[0] (too-young).parameterRanges.minAge',
      'no parameter "minAge" to give a range to (parameters: minimumAge)',
    ],
    [
      'a range whose min is above its max',
      withRule({ parameterRanges: { minimumAge: { min: 30, max: 18 } } }),
      'rules[0] (too-young).parameterRanges.minimumAge.max',
      'min must not be above max',
    ],
    [
      'a PHQ-9 item that does not exist',
      withRule({ condition: { greaterThan: [{ item: 'phq9', number: 10 }, 0] } }),
      'rules[0] (too-young).condition.greaterThan[0].number',
      'PHQ-9 has 9 items; received item 10',
    ],
    [
      'a flag the instrument does not raise',
      withRule({ condition: { flag: ['phq9', 'provisionalPtsd'] } }),
      'rules[0] (too-young).condition.flag[1]',
      'PHQ-9 raises no flag "provisionalPtsd"',
    ],
    [
      'a score of a non-instrument question',
      withRule({ condition: { greaterThan: [{ score: 'age' }, 0] } }),
      'rules[0] (too-young).condition.greaterThan[0].score',
      'question "age" is a number, not an instrument',
    ],
  ])('rejects %s, naming rule, field and expectation', (_, input, path, message) => {
    const issues = rulesetIssues(input);
    expect(issues).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it('rejects skip logic that points to a later question', () => {
    const input = {
      ...minimal,
      questions: [
        { ...minimal.questions[1], enableWhen: { greaterThan: [{ answer: 'age' }, 50] } },
        minimal.questions[0],
        minimal.questions[2],
      ],
    };
    expect(rulesetIssues(input)).toContainEqual({
      path: 'questions[0] (smoker).enableWhen.greaterThan[0].answer',
      message: 'question "age" does not exist before this question',
    });
  });

  it('rejects skip logic FHIR cannot express', () => {
    const input = {
      ...minimal,
      questions: [
        ...minimal.questions,
        {
          id: 'followUp',
          type: 'boolean',
          prompt: { en: 'More?', es: '¿Más?' },
          enableWhen: { all: [{ any: [{ answered: 'age' }, { answered: 'smoker' }] }] },
        },
      ],
    };
    expect(rulesetIssues(input)).toContainEqual({
      path: 'questions[3] (followUp).enableWhen',
      message: expect.stringContaining('one level of all/any'),
    });
  });

  it('rejects duplicate ids', () => {
    const input = { ...minimal, rules: [minimal.rules[0], minimal.rules[0]] };
    expect(rulesetIssues(input)).toContainEqual({
      path: 'rules[1] (too-young).id',
      message: 'duplicate rule id "too-young"',
    });
  });

  it('parseRuleset throws a RulesetError listing every problem', () => {
    const input = withRule({ severity: 'block', references: [] });
    expect(() => parseRuleset(input)).toThrow(RulesetError);
    try {
      parseRuleset(input);
    } catch (error) {
      expect(error).toBeInstanceOf(RulesetError);
      expect((error as RulesetError).issues).toHaveLength(2);
      expect((error as RulesetError).message).toMatch(/^Invalid ruleset: rules\[0\] \(too-young\)/);
    }
  });

  it('round-trips through JSON', () => {
    const json = JSON.parse(JSON.stringify(ketamineDefaultRuleset));
    expect(parseRuleset(json)).toEqual(ketamineDefaultRuleset);
  });
});

describe('RulesetSchema: value kinds', () => {
  it.each([
    [{ equals: [{ answer: 'smoker' }, 'yes'] }, 'compares a boolean with a string'],
    [{ greaterThan: [{ answer: 'age' }, '18'] }, 'compares a number with a string'],
    [{ greaterThan: [{ answer: 'smoker' }, false] }, 'greaterThan needs numbers or dates'],
    [{ lessThan: [{ score: 'phq9' }, { param: 'label' }] }, 'compares a number with a string'],
  ])('rejects %j', (condition, message) => {
    const input = withRule({ condition, parameters: { minimumAge: 18, label: 'x' } });
    expect(rulesetIssues(input)).toContainEqual({
      path: expect.stringMatching(/^rules\[0\] \(too-young\)\.condition\./),
      message: expect.stringContaining(message),
    });
  });
});

describe('question ids that shadow Object.prototype', () => {
  it('reads only own answers, so "toString" is unanswered in {}', () => {
    const ruleset = parseRuleset({
      ...minimal,
      questions: [
        { id: 'toString', type: 'boolean', required: true, prompt: { en: 'Q', es: 'P' } },
      ],
      rules: [
        {
          id: 'shadow',
          version: '1.0.0',
          severity: 'exclude',
          condition: { answered: 'toString' },
          message: { en: 'x', es: 'x' },
          references: ['spravato-label'],
        },
      ],
    });
    expect(screen({}, ruleset)).toMatchObject({
      decision: 'incomplete',
      missing: ['toString'],
      findings: [],
    });
    expect(screen({ toString: true }, ruleset).decision).toBe('ineligible');
  });
});
