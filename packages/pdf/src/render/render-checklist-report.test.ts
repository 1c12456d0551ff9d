import { ChecklistReportSchema, checklistProgress, renderChecklistReport } from '@groundwork/pdf';
import { describe, expect, it } from 'vitest';
import { report } from '../../test/fixtures.js';
import { riverside } from '../../test/fixtures.js';

const items = report.items;
import { inspectPdf, squash } from '../../test/inspect-pdf.js';

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
    const result = ChecklistReportSchema.safeParse({
      ...report,
      items: [{ ...items[0], section: 'billing' }],
    });
    expect(result.error?.issues[0]?.message).toMatch(/names section "billing"/);
  });
});

describe('renderChecklistReport', () => {
  it('prints progress, every item with status, assignee, due date and reason', async () => {
    const pdf = await inspectPdf(await renderChecklistReport({ report, brandKit: riverside }));
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
    const text = squash(
      (await inspectPdf(await renderChecklistReport({ report, brandKit: riverside, locale: 'es' })))
        .text,
    );
    expect(text).toContain('Informe de la lista de incorporación');
    expect(text).toContain('No aplica');
  });
});
