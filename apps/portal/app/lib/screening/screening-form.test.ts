import { ketamineDefaultRuleset, questionsFor } from '@groundwork/eligibility';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answersFromForm, describeSkipLogic, formValuesFrom } from './screening-form';

const ruleset = ketamineDefaultRuleset;
const question = (id: string) => {
  const found = ruleset.questions.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
};

describe('answersFromForm', () => {
  it('reads every kind of field the form posts', () => {
    const formData = new FormData();
    formData.append('q.age', ' 35 ');
    formData.append('q.bipolarDisorder', 'yes');
    formData.append('q.hypertension', 'no');
    formData.append('q.interactingMedicines', 'lamotrigine');
    formData.append('q.interactingMedicines', 'opioid');
    formData.append('q.bloodPressureToday.systolic', '150');
    formData.append('q.bloodPressureToday.diastolic', '95');
    for (let item = 1; item <= 7; item += 1) formData.append(`q.gad7.${item}`, '3');
    formData.append('lang', 'en');
    formData.append('unrelated', 'ignored');
    const { answers, problems } = answersFromForm(ruleset, formValuesFrom(formData));
    expect(answers).toEqual({
      age: 35,
      bipolarDisorder: true,
      hypertension: false,
      interactingMedicines: ['lamotrigine', 'opioid'],
      bloodPressureToday: { systolic: 150, diastolic: 95 },
      gad7: [3, 3, 3, 3, 3, 3, 3],
    });
    expect(problems).toEqual({});
  });

  it('reports half a blood pressure and tampered yes/no values by question', () => {
    const { answers, problems } = answersFromForm(ruleset, {
      'q.bloodPressureToday.systolic': '150',
      'q.ketamineMisuse': 'maybe',
    });
    expect(answers).toEqual({});
    expect(problems).toEqual({
      bloodPressureToday: 'Enter both the systolic and the diastolic reading.',
      ketamineMisuse: 'Choose yes or no.',
    });
  });

  it('never throws on any posted text, and only ever yields known question ids', () => {
    const ids = ruleset.questions.map((candidate) => candidate.id);
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.oneof(
            fc.constantFrom(
              ...ids.map((id) => `q.${id}`),
              'q.phq9.3',
              'q.bloodPressureToday.systolic',
            ),
            fc.string(),
          ),
          fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 4 })),
        ),
        (values) => {
          const { answers, problems } = answersFromForm(ruleset, values, 'es');
          for (const id of [...Object.keys(answers), ...Object.keys(problems)]) {
            expect(ids).toContain(id);
          }
          // questionsFor accepts whatever the form produced.
          expect(questionsFor(ruleset, answers).length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('describeSkipLogic (the form without JavaScript)', () => {
  it('says when a follow-up question applies, in English and Spanish', () => {
    expect(describeSkipLogic(question('bipolarRecentMania'), ruleset, 'en')).toBe(
      'Answer only if the answer to “Has the patient been diagnosed with bipolar disorder?” was yes.',
    );
    expect(describeSkipLogic(question('pregnant'), ruleset, 'es')).toBe(
      'Responda solo si la respuesta a «¿Qué sexo se le asignó al paciente al nacer?» fue una de: Femenino, Intersexual, El paciente prefiere no decirlo.',
    );
  });

  it('says nothing for a question that is always asked', () => {
    expect(describeSkipLogic(question('age'), ruleset, 'en')).toBeNull();
  });
});
