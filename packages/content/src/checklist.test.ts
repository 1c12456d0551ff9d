import {
  type ChecklistTemplate,
  getChecklistTemplate,
  type PracticeProfile,
  PracticeProfileSchema,
  applicableItems,
} from '@groundwork/content';
import { describe, expect, it } from 'vitest';

const template: ChecklistTemplate = {
  id: 'onboarding-checklist',
  version: '1.0.0',
  title: 'Test checklist',
  reviewedAt: '2026-11-21',
  reviewer: 'Test',
  sections: [
    {
      id: 'licensing',
      title: 'Licensing',
      items: [
        {
          id: 'everyone',
          title: 'For all',
          why: 'w',
          steps: ['s'],
          references: [],
          owner: 'owner',
        },
        {
          id: 'esketamine-rems',
          title: 'REMS',
          why: 'w',
          steps: ['s'],
          references: [],
          owner: 'prescriber',
          appliesWhen: { routesAny: ['intranasal-esketamine'] },
        },
        {
          id: 'injectables',
          title: 'IV or IM',
          why: 'w',
          steps: ['s'],
          references: [],
          owner: 'nurse',
          appliesWhen: { routesAny: ['iv', 'im'] },
        },
      ],
    },
    {
      id: 'telehealth',
      title: 'Telehealth',
      items: [
        {
          id: 'telehealth-any',
          title: 'Telehealth',
          why: 'w',
          steps: ['s'],
          references: [],
          owner: 'prescriber',
          appliesWhen: { telehealth: true },
        },
        {
          id: 'in-person-only',
          title: 'No telehealth',
          why: 'w',
          steps: ['s'],
          references: [],
          owner: 'office-manager',
          appliesWhen: { telehealth: false },
        },
        {
          id: 'oral-telehealth-ca-ny',
          title: 'Oral by telehealth in CA or NY',
          why: 'w',
          steps: ['s'],
          references: [],
          owner: 'prescriber',
          appliesWhen: { routesAny: ['oral-sublingual'], telehealth: true, states: ['CA', 'NY'] },
        },
      ],
    },
  ],
};

const ids = (profile: PracticeProfile) => applicableItems(template, profile).map((item) => item.id);

describe('applicableItems', () => {
  it.each<[string, PracticeProfile, string[]]>([
    [
      'IV clinic in Texas, no telehealth',
      { routes: ['iv'], telehealth: false, state: 'TX' },
      ['everyone', 'injectables', 'in-person-only'],
    ],
    [
      'esketamine-only clinic with telehealth in Florida',
      { routes: ['intranasal-esketamine'], telehealth: true, state: 'FL' },
      ['everyone', 'esketamine-rems', 'telehealth-any'],
    ],
    [
      'oral KAP practice by telehealth in California (all three conditions hold)',
      { routes: ['oral-sublingual'], telehealth: true, state: 'CA' },
      ['everyone', 'telehealth-any', 'oral-telehealth-ca-ny'],
    ],
    [
      'oral KAP practice by telehealth in Oregon (state condition fails)',
      { routes: ['oral-sublingual'], telehealth: true, state: 'OR' },
      ['everyone', 'telehealth-any'],
    ],
    [
      'oral practice in New York without telehealth (telehealth condition fails)',
      { routes: ['oral-sublingual'], telehealth: false, state: 'NY' },
      ['everyone', 'in-person-only'],
    ],
    [
      'every route, telehealth, New York',
      {
        routes: ['iv', 'im', 'oral-sublingual', 'intranasal-esketamine'],
        telehealth: true,
        state: 'NY',
      },
      ['everyone', 'esketamine-rems', 'injectables', 'telehealth-any', 'oral-telehealth-ca-ny'],
    ],
    [
      'no routes chosen yet',
      { routes: [], telehealth: false, state: 'WA' },
      ['everyone', 'in-person-only'],
    ],
  ])('%s', (_name, profile, expected) => {
    expect(ids(profile)).toEqual(expected);
  });

  it('tags each item with its section id', () => {
    const items = applicableItems(template, { routes: ['iv'], telehealth: true, state: 'TX' });
    expect(items.map((item) => [item.id, item.sectionId])).toEqual([
      ['everyone', 'licensing'],
      ['injectables', 'licensing'],
      ['telehealth-any', 'telehealth'],
    ]);
  });

  it('gives an esketamine practice more of the real checklist than an IV-only one needs', () => {
    const real = getChecklistTemplate();
    const all = real.sections.flatMap((section) => section.items);
    const iv = applicableItems(real, { routes: ['iv'], telehealth: false, state: 'TX' });
    const esketamine = applicableItems(real, {
      routes: ['intranasal-esketamine'],
      telehealth: false,
      state: 'TX',
    });
    const unconditional = all.filter((item) => !item.appliesWhen);
    expect(iv.length).toBeGreaterThanOrEqual(unconditional.length);
    expect(iv.length).toBeLessThan(all.length);
    const remsItems = all.filter((item) =>
      item.appliesWhen?.routesAny?.includes('intranasal-esketamine'),
    );
    expect(remsItems.length).toBeGreaterThan(0);
    for (const item of remsItems) expect(esketamine.map((kept) => kept.id)).toContain(item.id);
  });

  it('parses a practice profile at the edge, naming the bad field', () => {
    const result = PracticeProfileSchema.safeParse({
      routes: ['iv'],
      telehealth: 'yes',
      state: 'ZZ',
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'telehealth',
      'state',
    ]);
  });
});
