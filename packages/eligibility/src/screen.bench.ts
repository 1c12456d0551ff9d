import { ketamineDefaultRuleset, screen } from '@groundwork/eligibility';
import { bench, describe } from 'vitest';
import { basePatient, patientWith } from '../test/fixtures.js';

// `pnpm bench` prints operations per second (hz): screens per second on one core.
const concerned = patientWith({
  bipolarDisorder: true,
  bipolarRecentMania: false,
  interactingMedicines: ['maoi', 'opioid'],
  bloodPressureToday: { systolic: 150, diastolic: 95 },
  phq9: [3, 3, 3, 3, 3, 3, 3, 3, 1],
});
const invalid = patientWith({ age: 300 });

describe('screen (ketamine-default)', () => {
  bench('eligible patient', () => {
    screen(basePatient, ketamineDefaultRuleset);
  });
  bench('patient with several findings', () => {
    screen(concerned, ketamineDefaultRuleset);
  });
  bench('invalid answers', () => {
    screen(invalid, ketamineDefaultRuleset);
  });
});
