import { getDocument } from '@groundwork/content';
import {
  createRenderCache,
  RenderOptionsError,
  renderConsent,
  renderForm,
  renderHandout,
} from '@groundwork/pdf';
import { describe, expect, it } from 'vitest';
import { riverside } from '../../test/fixtures.js';
import { inspectPdf, squash } from '../../test/inspect-pdf.js';

const line =
  'Reviewed for Riverside Ketamine Clinic by Ana Ruiz, MD, medical director, on 2026-12-02 (content reviewed by the Groundwork clinical team, 2026-11-01)';

describe('reviewLine', () => {
  it('replaces the review date and reviewer in handouts, consent forms and practice forms', async () => {
    const renders = [
      [
        'preparing-for-your-session',
        () =>
          renderHandout({
            document: 'preparing-for-your-session',
            brandKit: riverside,
            reviewLine: line,
          }),
      ],
      [
        'informed-consent',
        () =>
          renderConsent({ document: 'informed-consent', brandKit: riverside, reviewLine: line }),
      ],
      [
        'discharge-checklist',
        () =>
          renderForm({ document: 'discharge-checklist', brandKit: riverside, reviewLine: line }),
      ],
    ] as const;
    for (const [id, render] of renders) {
      const document = getDocument(id, { locale: 'en' });
      const text = squash((await inspectPdf(await render())).text);
      expect(text, id).toContain(squash(line));
      expect(text, id).toContain(`Version ${document.version}`);
      expect(text, id).not.toContain(squash(`Reviewer: ${document.reviewer}`));
    }
  });

  it('prints the content reviewer without it, and keeps the two renders apart in the cache', async () => {
    const document = getDocument('preparing-for-your-session', { locale: 'en' });
    const cache = createRenderCache();
    const render = (reviewLine?: string) =>
      renderHandout({
        document,
        brandKit: riverside,
        cache,
        ...(reviewLine ? { reviewLine } : {}),
      });
    const plain = squash((await inspectPdf(await render())).text);
    expect(plain).toContain(squash(`Reviewer: ${document.reviewer}`));
    expect(plain).not.toContain('medical director');
    expect(squash((await inspectPdf(await render(line))).text)).toContain(squash(line));
  });

  it('refuses an empty or over-long line, naming the option', async () => {
    for (const reviewLine of ['  ', 'x'.repeat(601)]) {
      const error = await renderHandout({
        document: 'preparing-for-your-session',
        brandKit: riverside,
        reviewLine,
      }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RenderOptionsError);
      expect((error as RenderOptionsError).issues.map((issue) => issue.field)).toEqual([
        'reviewLine',
      ]);
    }
  });
});
