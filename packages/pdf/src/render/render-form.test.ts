import { getDocument } from '@groundwork/content';
import { DocumentKindError, RenderOptionsError, renderForm, renderHandout } from '@groundwork/pdf';
import { describe, expect, it } from 'vitest';
import { riverside } from '../../test/fixtures.js';
import { inspectPdf, squash } from '../../test/inspect-pdf.js';

const flowSheet = getDocument('session-monitoring-flow-sheet', { locale: 'en' });
const title = (id: string) => flowSheet.sections.find((section) => section.id === id)?.title ?? id;

describe('renderForm', () => {
  it('prints the shared pages and only the chosen routes of the flow sheet, with fillable lines', async () => {
    const pdf = await inspectPdf(
      await renderForm({
        document: flowSheet,
        brandKit: riverside,
        routes: ['intranasal-esketamine'],
      }),
    );
    const text = squash(pdf.text);
    expect(text).toContain(squash(flowSheet.title));
    expect(text).toContain('Routes covered: esketamine nasal spray');
    expect(text).toContain(squash(title('intranasal-esketamine')));
    expect(text).not.toContain(squash(title('iv')));
    expect(text).toContain(squash('About 40 minutes after the esketamine dose'));
    expect(text).toContain('MOAA/S');
    expect(text).toContain(`Version ${flowSheet.version}`);
    expect(pdf.fieldNames).toContain('field-details.2-1');
    expect(pdf.fieldNames.some((name) => name.startsWith('clinician-date-'))).toBe(true);
  });

  it('prints every route page without a route list, and no fields when not fillable', async () => {
    const pdf = await inspectPdf(
      await renderForm({
        document: 'session-monitoring-flow-sheet',
        brandKit: riverside,
        fillable: false,
      }),
    );
    const text = squash(pdf.text);
    for (const id of ['iv', 'im', 'oral-sublingual', 'intranasal-esketamine']) {
      expect(text).toContain(squash(title(id)));
    }
    expect(text).not.toContain('Routes covered');
    expect(pdf.fieldNames).toEqual([]);
  });

  it('renders the discharge checklist, the adverse-event log and the REMS helper sheet', async () => {
    for (const id of [
      'discharge-checklist',
      'adverse-event-log',
      'spravato-rems-monitoring-helper',
    ]) {
      const document = getDocument(id, { locale: 'en' });
      const pdf = await inspectPdf(await renderForm({ document: id, brandKit: riverside }));
      expect(squash(pdf.text), id).toContain(squash(document.title));
      expect(pdf.pages.length, id).toBeGreaterThanOrEqual(1);
    }
  });

  it('refuses a document of another kind and an unknown route', async () => {
    const handout = await renderForm({
      document: 'preparing-for-your-session',
      brandKit: riverside,
    }).catch((caught: unknown) => caught);
    expect(handout).toBeInstanceOf(DocumentKindError);
    expect((handout as Error).message).toMatch(/is a handout, not a form/);
    const route = await renderForm({
      document: flowSheet,
      brandKit: riverside,
      // @ts-expect-error testing a route the types do not allow
      routes: ['nasal'],
    }).catch((caught: unknown) => caught);
    expect(route).toBeInstanceOf(RenderOptionsError);
    expect((route as RenderOptionsError).issues[0]?.field).toBe('routes.0');
  });
});

describe('renderHandout with the practice routes', () => {
  const handout = getDocument('what-happens-during-a-session', { locale: 'en' });
  const sectionTitle = (id: string) =>
    handout.sections.find((section) => section.id === id)?.title ?? id;

  it('prints only the chosen routes of a handout with route sections', async () => {
    const pdf = await inspectPdf(
      await renderHandout({ document: handout, brandKit: riverside, routes: ['im'] }),
    );
    const text = squash(pdf.text);
    expect(text).toContain(squash(sectionTitle('dosing-im')));
    expect(text).not.toContain(squash(sectionTitle('dosing-iv')));
    expect(text).not.toContain(squash(sectionTitle('dosing-intranasal-esketamine')));
    expect(text).toContain(squash(sectionTitle('going-home')));
  });

  it('names the bad route', async () => {
    const error = await renderHandout({
      document: handout,
      brandKit: riverside,
      // @ts-expect-error testing a route the types do not allow
      routes: ['nasal'],
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RenderOptionsError);
    expect((error as RenderOptionsError).issues[0]?.field).toBe('routes.0');
  });
});
