import { RenderError } from '../errors.js';
import { describe, expect, it } from 'vitest';
import { BAD_FILTER_PNG, makePng } from '../../test/fixtures.js';
import { kitWithUnvalidatedLogo, renderHandoutUnchecked } from '../../test/unvalidated-logo.js';
import { inspectPdf } from '../../test/inspect-pdf.js';
import { captureAsyncErrors } from './capture-async-errors.js';

describe('captureAsyncErrors', () => {
  it('routes an error thrown from a callback to the task that scheduled it', async () => {
    const before = process.listenerCount('uncaughtException');
    const failing = captureAsyncErrors(
      () =>
        new Promise<string>(() => {
          setTimeout(() => {
            throw new Error('thrown in a timer');
          }, 1);
        }),
      (cause) => new RenderError('wrapped', { cause }),
    );
    const passing = captureAsyncErrors(
      () => new Promise<string>((resolve) => setTimeout(() => resolve('done'), 20)),
      (cause) => cause,
    );
    expect(process.listenerCount('uncaughtException')).toBe(before + 1);
    const error = await failing.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RenderError);
    expect((error as RenderError).cause).toMatchObject({ message: 'thrown in a timer' });
    // The other task, running at the same time, is unaffected.
    await expect(passing).resolves.toBe('done');
    // The listener is there only while tasks run.
    expect(process.listenerCount('uncaughtException')).toBe(before);
  });

  it("passes the task's own rejection through unchanged", async () => {
    const own = new TypeError('own');
    await expect(
      captureAsyncErrors(
        () => Promise.reject(own),
        () => new Error('not this'),
      ),
    ).rejects.toBe(own);
  });
});

describe('a render given a logo that slipped past validation', () => {
  it('rejects with a RenderError (png-js threw from a zlib callback) and the process carries on', async () => {
    const before = process.listenerCount('uncaughtException');
    const error = await renderHandoutUnchecked(kitWithUnvalidatedLogo(BAD_FILTER_PNG)).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RenderError);
    expect((error as Error).message).toMatch(
      /^Could not render handout "preparing-for-your-session" \(en\): Invalid filter algorithm: 7/,
    );
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(process.listenerCount('uncaughtException')).toBe(before);
    // Still alive, and the next render works.
    const pdf = await inspectPdf(
      await renderHandoutUnchecked(kitWithUnvalidatedLogo(makePng(60, 20), 60, 20)),
    );
    expect(pdf.pages[0]?.images).toBe(1);
  });
});
