import { getChecklistTemplate, listDocuments, references } from '@groundwork/content';
import { describe, expect, it } from 'vitest';

/**
 * Web documents with no DOI, PMID, Federal Register/CFR citation or DailyMed
 * setid to give: agency alerts and pages, society statements, program
 * websites. Each is pinned here on purpose, so a new reference without a
 * checkable locator fails until someone decides it belongs on this list.
 */
const WEB_ONLY = new Set([
  'spravato-rems',
  'spravato-hcp-dosing',
  'fda-spravato-approval-2019',
  'askp3-standards',
  'asa-ketamine-statement',
  'asa-chronic-pain-2023',
  'va-pcl5',
  'columbia-cssrs',
  'ama-cpt-0820t',
  'lifeline-988',
  'fda-compounded-ketamine-nasal-2022',
  'fda-compounded-ketamine-oral-2023',
  'cms-hcpcs-j0013',
  'fda-psychedelics-guidance-2023',
  'oregon-psilocybin-services',
  'colorado-natural-medicine',
]);

function locators(reference: (typeof references)[number]): string[] {
  return (['doi', 'pmid', 'fr', 'setid'] as const).filter((key) => reference[key] !== undefined);
}

describe('every reference can be checked', () => {
  it.each(
    references.map((reference) => [reference.id, reference] as const),
  )('%s has a DOI, PMID, FR/CFR citation or DailyMed setid, or is a pinned web document with an https url', (id, reference) => {
    if (WEB_ONLY.has(id)) {
      expect(locators(reference), `${id} has a locator: take it off WEB_ONLY`).toEqual([]);
      expect(reference.url).toMatch(/^https:\/\//);
    } else {
      expect(locators(reference).length, `${id} has no checkable locator`).toBeGreaterThan(0);
    }
  });

  it('pins no reference that is gone from the registry', () => {
    const ids = new Set(references.map((reference) => reference.id));
    expect([...WEB_ONLY].filter((id) => !ids.has(id))).toEqual([]);
  });

  it('pins both labels by DailyMed setid, with the revision read in the citation', () => {
    for (const id of ['ketalar-label', 'spravato-label']) {
      const label = references.find((reference) => reference.id === id);
      expect(label?.setid, id).toMatch(/^[0-9a-f-]{36}$/);
      expect(label?.url, id).toContain(`setid=${label?.setid}`);
      expect(label?.citation, id).toMatch(/revision read/);
    }
  });

  it('pins the sources issue 13 names', () => {
    const byId = new Map(references.map((reference) => [reference.id, reference]));
    expect(byId.get('parikh-2021')).toMatchObject({ pmid: '34421148' });
    expect(byId.get('parikh-2021')?.citation).toMatch(/Parikh SV.*2021;51\(3\):109-124/);
    expect(byId.get('dea-telemedicine-flexibilities')).toMatchObject({ fr: '90 FR 61301' });
    expect(byId.get('asa-ketamine-statement')?.citation).toMatch(/February 2025/);
    expect(byId.get('asa-chronic-pain-2023')?.citation).toMatch(/2023/);
    expect(byId.get('askp3-standards')?.citation).toMatch(
      /Standards of Practice in the Therapeutic Use of Subanesthetic Ketamine.*2020/,
    );
    expect(byId.get('blevins-2015-pcl5')?.doi).toBeDefined();
    expect(byId.get('posner-2011-cssrs')?.doi).toBeDefined();
    expect(byId.get('fda-compounded-ketamine-nasal-2022')?.citation).toMatch(/February 2022/);
    expect(byId.get('fda-compounded-ketamine-oral-2023')?.citation).toMatch(/October 2023/);
  });

  it('has a registry entry for every id a document or checklist item cites', () => {
    const ids = new Set(references.map((reference) => reference.id));
    const cited = [
      ...listDocuments().flatMap((document) =>
        document.references.map((reference) => reference.id),
      ),
      ...getChecklistTemplate().sections.flatMap((section) =>
        section.items.flatMap((item) => item.references),
      ),
    ];
    expect(cited.filter((id) => !ids.has(id))).toEqual([]);
  });
});
