import { ChecklistReportSchema, checklistProgress, renderChecklistReport, type ChecklistReportInput } from '@groundwork/pdf';
import { describe, expect, it } from 'vitest';
import { riverside } from '../../test/fixtures.js';
import { inspectPdf, squash } from '../../test/inspect-pdf.js';

const items: ChecklistReportInput['items'] = [
  { id: 'dea', section: 'licensing', title: 'Register each site with the DEA', status: 'done', assignee: 'Dr Lee', dueDate: '2026-12-01' },
  { id: 'state', section: 'licensing', title: 'Confirm state licences', status: 'in-progress', assignee: 'Sam Ortiz' },
  { id: 'rems', section: 'licensing', title: 'Enrol in the Spravato REMS', status: 'not-applicable', reason: 'We do not offer esketamine.' },
  { id: 'crash-cart', section: 'emergency', title: 'Stock the emergency cart', status: 'to-do', dueDate: '2027-01-15' },
];

export const report: ChecklistReportInput = {
  practiceName: 'Riverside Ketamine Clinic',
  generatedAt: '2026-11-21T18:30:00Z',
  template: { id: 'onboarding-checklist', version: '1.0.0', title: 'Practice onboarding checklist' },
  overall: checklistProgress(items),
  sections: [
    { id: 'licensing', title: 'Licensing and registration', progress: checklistProgress(items.slice(0, 3)) },
    { id: 'emergency', title: 'Emergency readiness', progress: checklistProgress(items.slice(3)) },
  ],
  items,
};

describe('ChecklistReportSchema', () => {
  it('counts progress over applicable items only', () => {
    expect(checklistProgress(items)).toEqual({ done: 1, total: 3 });
  });

  it('names the bad fields of a malformed report', () => {
    const result = ChecklistReportSchema.safeParse({
      ...report,
      overall: { done: 5, total: 3 },
      items: [{ ...items[0], section: 'billing', status: 'finished' }],
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['overall.done', 'items.0.status']));
  });

  it('rejects an item whose section is not listed', () => {
    const result = ChecklistReportSchema.safeParse({ ...report, items: [{ ...items[0], section: 'billing' }] });
    expect(result.error?.issues[0]?.message).toMatch(/names section "billing"/);
  });
});

describe('renderChecklistReport', () => {
  it('prints progress, every item with status, assignee, due date and reason', async () => {
    const pdf = await inspectPdf(await renderChecklistReport(report, riverside, { cache: false }));
    const text = squash(pdf.text);
    expect(text).toContain('Onboarding checklist report');
    expect(text).toContain('Riverside Ketamine Clinic');
    expect(text).toContain('1/3 · 33%');
    expect(text).toContain('Practice onboarding checklist, version 1.0.0');
    for (const item of items) expect(text).toContain(item.title);
    expect(text).toContain('Not applicable');
    expect(text).toContain('Reason: We do not offer esketamine.');
    expect(text).toContain('Sam Ortiz');
    expect(text).toContain('2027-01-15');
    expect(pdf.info.Title).toBe('Onboarding checklist report: Riverside Ketamine Clinic');
  });

  it('uses Spanish labels for locale es', async () => {
    const text = squash((await inspectPdf(await renderChecklistReport(report, riverside, { locale: 'es', cache: false }))).text);
    expect(text).toContain('Informe de la lista de incorporación');
    expect(text).toContain('No aplica');
  });
});
