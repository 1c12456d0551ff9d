import { ketamineDefaultRuleset, type Question } from '@groundwork/eligibility';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// Internal: the fast check must agree with the published zod schema.
import { answerCheckFor, answerSchemaFor, answersCheckFor, answersSchemaFor } from './answers.js';
import { basePatient } from '../test/fixtures.js';

const questions = ketamineDefaultRuleset.questions as Question[];

/** Values near the valid ones: right shapes, wrong ranges, wrong types. */
const candidate = fc.oneof(
  fc.jsonValue(),
  fc.integer({ min: -10, max: 400 }),
  fc.double(),
  fc.constantFrom(
    'yes',
    'no',
    'unsure',
    'high',
    'none',
    'maoi',
    'female',
    '2026-02-30',
    '2026-01-31',
  ),
  fc.array(fc.constantFrom('none', 'maoi', 'opioid', 'aneurysm', 'x'), { maxLength: 4 }),
  fc.record({
    systolic: fc.integer({ min: 0, max: 320 }),
    diastolic: fc.integer({ min: 0, max: 220 }),
  }),
  fc.array(fc.integer({ min: -1, max: 5 }), { minLength: 6, maxLength: 21 }),
);

describe('answer validation', () => {
  it('the fast check accepts exactly what the zod schema accepts, question by question', () => {
    fc.assert(
      fc.property(fc.constantFrom(...questions), candidate, (question, value) => {
        expect(answerCheckFor(question)(value)).toBe(
          answerSchemaFor(question).safeParse(value).success,
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('and for whole answer sets', () => {
    const fast = answersCheckFor(ketamineDefaultRuleset);
    const schema = answersSchemaFor(ketamineDefaultRuleset);
    const ids = questions.map((question) => question.id);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.dictionary(fc.constantFrom(...ids, 'unknown', '__proto__'), candidate),
          fc.record({ id: fc.constantFrom(...ids), value: candidate }).map(({ id, value }) => ({
            ...basePatient,
            [id]: value,
          })),
        ),
        (answers) => {
          expect(fast(answers)).toBe(schema.safeParse(answers).success);
        },
      ),
      { numRuns: 2000 },
    );
    expect(fast(basePatient)).toBe(true);
  });

  it('rejects answer sets that carry answers on their prototype, in both checks', () => {
    const fast = answersCheckFor(ketamineDefaultRuleset);
    const schema = answersSchemaFor(ketamineDefaultRuleset);
    const inherited = Object.create({ age: 12 }) as Record<string, unknown>;
    class Intake {
      age = 42;
    }
    for (const answers of [inherited, new Intake(), new Map([['age', 42]])]) {
      expect(fast(answers)).toBe(false);
      expect(schema.safeParse(answers).success).toBe(false);
    }
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, basePatient);
    expect(fast(bare)).toBe(true);
    expect(schema.safeParse(bare).success).toBe(true);
  });
});
