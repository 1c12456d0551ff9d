import {
  type AnswerValue,
  DECISIONS,
  decisionRank,
  INSTRUMENTS,
  ketamineDefaultRuleset,
  type Question,
  questionsFor,
  screen,
} from '@groundwork/eligibility';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basePatient, patientWith } from '../test/fixtures.js';

const ruleset = ketamineDefaultRuleset;

/** Any valid answer to one question. */
function validAnswer(question: Question): fc.Arbitrary<AnswerValue> {
  switch (question.type) {
    case 'boolean':
      return fc.boolean();
    case 'number':
      return question.integer
        ? fc.integer({ min: question.min, max: question.max })
        : fc.double({ min: question.min, max: question.max, noNaN: true });
    case 'choice':
      return fc.constantFrom(...question.options.map((option) => option.code));
    case 'multi': {
      const plain = question.options.filter((option) => !option.exclusive).map((o) => o.code);
      const exclusive = question.options.filter((option) => option.exclusive).map((o) => o.code);
      return fc.oneof(
        fc.subarray(plain, { minLength: 1 }),
        ...exclusive.map((code) => fc.constant<string[]>([code])),
      );
    }
    case 'date':
      return fc
        .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10));
    case 'bloodPressure':
      return fc
        .record({
          systolic: fc.integer({ min: 80, max: 220 }),
          diastolic: fc.integer({ min: 40, max: 79 }),
        })
        .map((reading) => reading);
    case 'instrument': {
      const definition = INSTRUMENTS[question.instrument];
      return fc.array(fc.integer({ min: definition.itemMin, max: definition.itemMax }), {
        minLength: definition.itemCount,
        maxLength: definition.itemCount,
      });
    }
  }
}

/** A complete, valid answer set: every question answered. */
const fullAnswers = fc.record(
  Object.fromEntries(ruleset.questions.map((question) => [question.id, validAnswer(question)])),
) as fc.Arbitrary<Record<string, AnswerValue>>;

type Answers = Record<string, AnswerValue>;
const addMedicine = (code: string) => (answers: Answers) => {
  const current = (answers.interactingMedicines as string[]).filter((entry) => entry !== 'none');
  answers.interactingMedicines = [...new Set([...current, code])];
};
const addVascular = (code: string) => (answers: Answers) => {
  const current = (answers.vascularConditions as string[]).filter((entry) => entry !== 'none');
  answers.vascularConditions = [...new Set([...current, code])];
};

/** Each adds one exclude/review/defer concern to a patient (follow-ups answered). */
const concerns: Record<string, (answers: Answers) => void> = {
  underage: (a) => {
    a.age = 16;
  },
  pregnant: (a) => {
    a.pregnant = 'yes';
  },
  breastfeeding: (a) => {
    a.breastfeeding = true;
  },
  psychosis: (a) => {
    a.psychoticDisorder = true;
  },
  pastPsychosis: (a) => {
    a.pastPsychoticEpisode = true;
  },
  bipolar: (a) => {
    a.bipolarDisorder = true;
    a.bipolarRecentMania ??= false;
  },
  mania: (a) => {
    a.bipolarDisorder = true;
    a.bipolarRecentMania = true;
  },
  highBloodPressure: (a) => {
    a.bloodPressureToday = { systolic: 165, diastolic: 100 };
  },
  uncontrolledHypertension: (a) => {
    a.hypertension = true;
    a.hypertensionControlled = 'no';
  },
  aneurysm: addVascular('aneurysm'),
  haemorrhage: addVascular('intracerebral-haemorrhage'),
  heartDisease: (a) => {
    a.heartDisease = true;
  },
  recentStroke: (a) => {
    a.cardiacEventOrStroke = true;
    a.cardiacEventMonthsAgo = 2;
  },
  hyperthyroidism: (a) => {
    a.hyperthyroidism = true;
  },
  liver: (a) => {
    a.liverDisease = true;
  },
  kidney: (a) => {
    a.kidneyDisease = true;
  },
  cystitis: (a) => {
    a.bladderProblems = true;
    a.ketamineCystitis = true;
  },
  activeSubstanceUse: (a) => {
    a.substanceUseDisorder = true;
    a.substanceUseMonthsAbstinent = 0;
  },
  ketamineMisuse: (a) => {
    a.ketamineMisuse = true;
  },
  maoi: addMedicine('maoi'),
  benzodiazepine: addMedicine('benzodiazepine-or-sedative'),
  lamotrigine: addMedicine('lamotrigine'),
  stimulant: addMedicine('stimulant'),
  opioid: addMedicine('opioid'),
  hypersensitivity: (a) => {
    a.ketamineHypersensitivity = true;
  },
  raisedIntracranialPressure: (a) => {
    a.raisedIntracranialPressure = true;
  },
  headInjury: (a) => {
    a.recentHeadInjury = true;
  },
  lungDisease: (a) => {
    const current = (a.breathingConditions as string[]).filter((entry) => entry !== 'none');
    a.breathingConditions = [...new Set([...current, 'lung-disease'])];
  },
  sleepApnea: (a) => {
    const current = (a.breathingConditions as string[]).filter((entry) => entry !== 'none');
    a.breathingConditions = [...new Set([...current, 'sleep-apnea'])];
  },
  lowSpo2: (a) => {
    a.restingSpo2 = 89;
  },
  seizures: (a) => {
    a.seizureDisorder = true;
  },
  glaucoma: (a) => {
    a.glaucoma = true;
  },
  intoxicated: (a) => {
    a.intoxicatedToday = true;
  },
  // Age 65+ and an unclear capacity are left to the table tests: they exclude
  // another concern's answer (underage, lacks capacity), so they cannot combine.
  lacksCapacity: (a) => {
    a.capacityToConsent = 'no';
  },
  selfHarmThoughts: (a) => {
    a.phq9 = [2, 2, 2, 2, 1, 1, 1, 1, 2];
  },
  highSuicideRisk: (a) => {
    a.suicideRiskLevel = 'high';
  },
  fewTrials: (a) => {
    a.adequateTrials = 0;
  },
};
const concernNames = Object.keys(concerns);

function patientWithConcerns(names: readonly string[]): Answers {
  const answers = patientWith({});
  for (const name of names) concerns[name]?.(answers);
  return answers;
}

describe('screen: properties', () => {
  it('is deterministic: same input, deep-equal output (and JSON-stable)', () => {
    fc.assert(
      fc.property(fullAnswers, (answers) => {
        const first = screen(answers, ruleset);
        const second = screen(structuredClone(answers), ruleset);
        expect(second).toEqual(first);
        expect(JSON.parse(JSON.stringify(first))).toEqual(first);
      }),
    );
  });

  it('never makes a decision more permissive when a concern is added', () => {
    fc.assert(
      fc.property(fc.subarray(concernNames), fc.constantFrom(...concernNames), (present, added) => {
        const before = screen(patientWithConcerns(present), ruleset);
        const after = screen(patientWithConcerns([...present, added]), ruleset);
        expect(after.errors).toEqual([]);
        expect(decisionRank(after.decision)).toBeGreaterThanOrEqual(decisionRank(before.decision));
        const fired = new Set(after.findings.map((finding) => finding.ruleId));
        for (const finding of before.findings) expect(fired.has(finding.ruleId)).toBe(true);
      }),
    );
  });

  it('each concern alone moves the base patient off eligible', () => {
    for (const name of concernNames) {
      expect([name, screen(patientWithConcerns([name]), ruleset).decision]).not.toEqual([
        name,
        'eligible',
      ]);
    }
  });

  it('is never eligible while a shown required question is unanswered', () => {
    fc.assert(
      fc.property(
        fullAnswers,
        fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
        (answers, picks) => {
          const shownRequired = questionsFor(ruleset, answers)
            .filter((question) => question.required)
            .map((question) => question.id);
          const removed = picks.map((pick) => shownRequired[pick % shownRequired.length] ?? '');
          const partial = { ...answers };
          for (const id of removed) delete partial[id];
          const result = screen(partial, ruleset);
          expect(result.decision).not.toBe('eligible');
          if (result.findings.every((finding) => finding.severity === 'info')) {
            expect(result.decision).toBe('incomplete');
            expect(result.missing.length).toBeGreaterThan(0);
          }
        },
      ),
    );
  });

  it('warns about exactly the answers the skip logic hides, and they never change the result', () => {
    fc.assert(
      fc.property(fullAnswers, (answers) => {
        const shown = new Set(questionsFor(ruleset, answers).map((question) => question.id));
        const hidden = ruleset.questions
          .map((question) => question.id)
          .filter((id) => answers[id] !== undefined && !shown.has(id));
        const result = screen(answers, ruleset);
        expect(result.warnings.map((warning) => warning.question)).toEqual(hidden);
        for (const warning of result.warnings) {
          expect(warning.hiddenBy.length).toBeGreaterThan(0);
          expect(warning.answer).toEqual(answers[warning.question]);
        }
        const visibleOnly = { ...answers };
        for (const id of hidden) delete visibleOnly[id];
        const withoutHidden = screen(visibleOnly, ruleset);
        expect(withoutHidden.warnings).toEqual([]);
        expect({ ...withoutHidden, warnings: result.warnings }).toEqual(result);
      }),
    );
  });

  it('returns a result or validation errors for any JSON input, never throwing', () => {
    const ids = ruleset.questions.map((question) => question.id);
    const jsonish = fc.oneof(
      fc.jsonValue(),
      fc.dictionary(fc.constantFrom(...ids, '__proto__', 'constructor'), fc.jsonValue()),
      fullAnswers.chain((answers) =>
        fc
          .record({ id: fc.constantFrom(...ids), value: fc.jsonValue() })
          .map(({ id, value }) => ({ ...answers, [id]: value })),
      ),
    );
    fc.assert(
      fc.property(jsonish, (input) => {
        const result = screen(input, ruleset);
        expect(DECISIONS).toContain(result.decision);
        if (result.errors.length > 0) {
          expect(result.decision).toBe('incomplete');
          expect(result.findings).toEqual([]);
          for (const error of result.errors) expect(error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('returns validation errors, never a stack overflow, for deeply nested values', () => {
    let nested: unknown = 1;
    for (let level = 0; level < 20_000; level++) nested = [nested];
    for (const id of ruleset.questions.map((question) => question.id)) {
      const result = screen({ ...patientWith({}), [id]: nested }, ruleset);
      expect(result.decision).toBe('incomplete');
      expect(result.errors.map((error) => error.question)).toContain(id);
    }
  });

  it('leaves the answers it is given untouched', () => {
    fc.assert(
      fc.property(fullAnswers, (answers) => {
        const copy = structuredClone(answers);
        screen(answers, ruleset);
        expect(answers).toEqual(copy);
      }),
      { numRuns: 50 },
    );
  });

  it('base patient fixture is eligible', () => {
    expect(screen(basePatient, ruleset).decision).toBe('eligible');
  });
});
