import { readFileSync } from 'node:fs';
import {
  customize,
  ketamineDefaultRuleset,
  questionsFor,
  scorePcl5,
  scorePhq9,
  screen,
} from '@groundwork/eligibility';
import { readmeExamples, runReadmeExample } from '@groundwork/test-utils';
import { describe, expect, it } from 'vitest';

const readmeUrl = new URL('../README.md', import.meta.url);
const readme = readFileSync(readmeUrl, 'utf8');

describe('README', () => {
  it('documents every default question id and rule id', () => {
    for (const question of ketamineDefaultRuleset.questions) {
      expect(readme).toContain(`| \`${question.id}\` |`);
    }
    for (const rule of ketamineDefaultRuleset.rules) expect(readme).toContain(`| \`${rule.id}\` |`);
  });

  it('documents every default parameter with its value and valid range', () => {
    for (const rule of ketamineDefaultRuleset.rules) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${rule.id}\` |`));
      for (const [name, value] of Object.entries(rule.parameters)) {
        const range = rule.parameterRanges?.[name];
        const unit = range?.unit ? ` ${range.unit}` : '';
        const documented = range
          ? `\`${name}\` = ${value} (${range.min}–${range.max}${unit})`
          : `\`${name}\` = ${value}`;
        expect([rule.id, row]).toEqual([rule.id, expect.stringContaining(documented)]);
      }
    }
  });

  it('first example gives the results it shows', () => {
    const result = screen(
      {
        age: 42,
        sexAssignedAtBirth: 'male',
        psychoticDisorder: false,
        pastPsychoticEpisode: false,
        bipolarDisorder: false,
        hypertension: true,
        hypertensionControlled: 'yes',
        bloodPressureToday: { systolic: 148, diastolic: 88 },
        vascularConditions: ['none'],
        raisedIntracranialPressure: false,
        recentHeadInjury: false,
        heartDisease: false,
        cardiacEventOrStroke: false,
        breathingConditions: ['none'],
        seizureDisorder: false,
        glaucoma: false,
        hyperthyroidism: false,
        liverDisease: false,
        kidneyDisease: false,
        bladderProblems: false,
        substanceUseDisorder: false,
        ketamineMisuse: false,
        interactingMedicines: ['lamotrigine'],
        ketamineHypersensitivity: false,
        phq9: [2, 2, 2, 1, 1, 2, 1, 1, 0],
        adequateTrials: 3,
      },
      ketamineDefaultRuleset,
    );
    expect(result.decision).toBe('defer');
    expect(result.missing).toEqual([]);
    expect(result.findings.map((finding) => finding.ruleId)).toEqual([
      'bp-above-threshold',
      'medicine-lamotrigine',
    ]);
    expect(result.findings[0]?.facts).toEqual({
      'bloodPressureToday.systolic': 148,
      'bloodPressureToday.diastolic': 88,
    });
    expect(result.findings[0]?.references[0]).toMatchObject({
      id: 'spravato-label',
      citation: expect.stringMatching(/^Spravato \(esketamine\)/),
      url: expect.any(String),
    });
    expect(result.scores.phq9).toMatchObject({ total: 12, band: 'moderate', flags: [] });
  });

  it('other examples give the results they show', () => {
    expect(
      questionsFor(ketamineDefaultRuleset, {}, { audience: 'clinician' }).map((q) => q.id),
    ).toEqual([
      'bloodPressureToday',
      'restingSpo2',
      'suicideRiskLevel',
      'intoxicatedToday',
      'capacityToConsent',
    ]);
    expect(scorePhq9([1, 1, 2, 1, 0, 1, 1, 0, 1])).toMatchObject({
      value: { total: 8, band: 'mild', flags: ['item9Positive'] },
    });
    expect(scorePcl5(Array(20).fill(2), { cutPoint: 31 })).toMatchObject({
      value: { total: 40, flags: ['provisionalPtsd', 'clusterCriteriaMet'] },
    });
    const acme = customize(ketamineDefaultRuleset, {
      practiceId: 'acme-clinic',
      revision: 3,
      rules: {
        'bp-above-threshold': { parameters: { systolicMax: 150 } },
        'treatment-resistance-policy': { severity: 'exclude' },
        'medicine-lamotrigine': {
          enabled: false,
          reason: 'Psychiatrist reviews every regimen at intake',
        },
      },
    });
    expect(acme.version).toBe('1.2.0+acme-clinic.3');
  });
});

describe('isomorphic build', () => {
  it.each([
    'index.js',
    'index.cjs',
  ])('dist/%s uses no Node built-ins, clock or randomness', (file) => {
    const code = readFileSync(new URL(`../dist/${file}`, import.meta.url), 'utf8');
    expect(code).not.toMatch(/["']node:|require\(["'](fs|path|crypto|os)["']\)/);
    expect(code).not.toMatch(/Date\.now|new Date\(|Math\.random|performance\.now/);
  });
});

describe('README examples', () => {
  const examples = readmeExamples(readmeUrl);
  async function run(index: number): Promise<unknown[][]> {
    const example = examples[index];
    if (!example) throw new Error(`README has no runnable block ${index}`);
    return (await runReadmeExample({ readmeUrl, example })).logs;
  }

  it('has one code block per section to run', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples.map((_, index) => index))('block %i runs as written', async (index) => {
    await expect(run(index)).resolves.toBeInstanceOf(Array);
  });

  it('the FHIR example reads the response and screens it', async () => {
    const index = examples.findIndex(({ code }) => code.includes('fromFhirQuestionnaireResponse('));
    expect(await run(index)).toEqual([['defer']]);
  });
});
