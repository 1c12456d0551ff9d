import { afterEach, describe, expect, it } from 'vitest';
import {
  answerRenderFailure,
  PdfRenderFailure,
  type PdfRenderer,
  type RenderFailure,
  renderPdf,
  setPdfRenderer,
} from './pdf-renderer.server';

const failing = (failure: RenderFailure): PdfRenderer => ({
  render: () => Promise.reject(new PdfRenderFailure(failure)),
});

describe('renderPdf failures as responses', () => {
  afterEach(() => setPdfRenderer(undefined));

  it.each([
    [
      {
        kind: 'brand-kit',
        message: 'Invalid brand kit',
        issues: [{ field: 'logo', message: 'is corrupt' }],
      },
      422,
      /Brand kit page:\nlogo: is corrupt/,
    ],
    [{ kind: 'bad-input', message: 'Unknown handout "x"' }, 400, /Unknown handout "x"/],
    [{ kind: 'worker-crashed', message: 'worker exited' }, 503, /restarted\. Please try again/],
    [
      { kind: 'render', message: 'Could not render handout "x": secret patient text' },
      500,
      /error on our side/,
    ],
  ] as const)('answers a %j failure with %i', async (failure, status, text) => {
    setPdfRenderer(failing(failure as RenderFailure));
    const thrown = await answerRenderFailure(renderPdf({ kind: 'guide', paper: 'LETTER' })).catch(
      (caught: unknown) => caught,
    );
    expect(thrown).toBeInstanceOf(Response);
    const response = thrown as Response;
    expect(response.status).toBe(status);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const body = await response.text();
    expect(body).toMatch(text);
    // A 5xx says nothing of the renderer's own message (it may quote a patient's details).
    if (status >= 500) expect(body).not.toMatch(/secret|worker exited/);
  });

  it('gives each request sharing one failed render its own response', async () => {
    setPdfRenderer(failing({ kind: 'worker-crashed', message: 'worker exited' }));
    const shared = renderPdf({ kind: 'guide', paper: 'LETTER' });
    const answer = () =>
      answerRenderFailure(shared).then(
        () => undefined,
        (caught: unknown) => caught as Response,
      );
    const [first, second] = await Promise.all([answer(), answer()]);
    expect(first).toBeInstanceOf(Response);
    expect(first).not.toBe(second);
    expect(await first?.text()).toBe(await second?.text());
  });
});
