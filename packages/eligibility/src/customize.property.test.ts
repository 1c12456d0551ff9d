import { customize, ketamineDefaultRuleset, RulesetError } from '@groundwork/eligibility';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const original = ketamineDefaultRuleset;

/** Every numeric parameter of the default ruleset with its documented range. */
const parameters = original.rules.flatMap((rule) =>
  Object.entries(rule.parameterRanges ?? {}).map(([name, range]) => ({
    ruleId: rule.id,
    name,
    range,
  })),
);

/** Any value a caller might pass, weighted towards numbers near and beyond the ranges. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.double() },
  { weight: 3, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      -0,
      1e9,
      -5,
      2.5,
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, [], {}, [140]) },
);

describe('customize parameter ranges (property)', () => {
  it('accepts a value exactly when it lies in the documented range, and otherwise names parameter and range', () => {
    expect(parameters.length).toBeGreaterThanOrEqual(7);
    fc.assert(
      fc.property(fc.constantFrom(...parameters), anyValue, ({ ruleId, name, range }, value) => {
        const valid =
          typeof value === 'number' &&
          value >= range.min &&
          value <= range.max &&
          (!range.integer || Number.isInteger(value));
        let thrown: unknown;
        let custom: ReturnType<typeof customize> | undefined;
        try {
          custom = customize(original, {
            practiceId: 'property',
            revision: 1,
            rules: { [ruleId]: { parameters: { [name]: value as number } } },
          });
        } catch (error) {
          thrown = error;
        }
        if (valid) {
          expect(thrown).toBeUndefined();
          const rule = custom?.rules.find((candidate) => candidate.id === ruleId);
          expect(rule?.parameters[name]).toBe(value);
          return;
        }
        expect(thrown).toBeInstanceOf(RulesetError);
        const { issues } = thrown as RulesetError;
        expect(issues).toHaveLength(1);
        expect(issues[0]?.path).toBe(`overrides.rules.${ruleId}.parameters.${name}`);
        expect(issues[0]?.message).toContain(`${name}: expected`);
        expect(issues[0]?.message).toContain(`from ${range.min} to ${range.max}`);
      }),
      { numRuns: 400 },
    );
  });
});
