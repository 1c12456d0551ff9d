import { ketamineDefaultRuleset, questionsFor } from '@groundwork/eligibility';
import { describe, expect, it } from 'vitest';

const ids = (answers: unknown, audience?: 'patient' | 'clinician') =>
  questionsFor(ketamineDefaultRuleset, answers, { audience }).map((question) => question.id);

describe('questionsFor', () => {
  it('hides follow-ups until their gate is answered yes', () => {
    expect(ids({})).not.toContain('bipolarRecentMania');
    expect(ids({ bipolarDisorder: false })).not.toContain('bipolarRecentMania');
    const shown = ids({ bipolarDisorder: true });
    expect(shown.indexOf('bipolarRecentMania')).toBe(shown.indexOf('bipolarDisorder') + 1);
  });

  it('asks about pregnancy only where relevant', () => {
    expect(ids({})).not.toContain('pregnant');
    expect(ids({ sexAssignedAtBirth: 'male' })).not.toContain('pregnant');
    expect(ids({ sexAssignedAtBirth: 'female' })).toEqual(
      expect.arrayContaining(['pregnant', 'breastfeeding']),
    );
    expect(ids({ sexAssignedAtBirth: 'prefer-not-to-say' })).toContain('pregnant');
  });

  it('treats invalid answers as unanswered and filters by audience', () => {
    expect(ids({ bipolarDisorder: 'yes' })).not.toContain('bipolarRecentMania');
    expect(ids({}, 'clinician')).toEqual([
      'bloodPressureToday',
      'restingSpo2',
      'suicideRiskLevel',
      'intoxicatedToday',
      'capacityToConsent',
    ]);
    expect(ids('garbage')).toEqual(ids({}));
  });
});
