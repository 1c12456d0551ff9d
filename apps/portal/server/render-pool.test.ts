import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { BrandKitInput } from '@groundwork/pdf/brand';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalRoot } from '../app/db/client.server';
import { pdfText } from '../app/lib/documents/page-image.server';
import {
  PdfRenderFailure,
  type PdfRenderTask,
  renderFailureResponse,
} from '../app/lib/documents/pdf-renderer.server';
import { createRenderPool, parseRenderThreads } from './render-pool';
import type { RenderPool } from './render-pool';

describe('parseRenderThreads', () => {
  it('defaults to one thread per core, at least 1 and at most 4', () => {
    expect(parseRenderThreads(undefined, 2)).toBe(2);
    expect(parseRenderThreads('', 1)).toBe(1);
    expect(parseRenderThreads(undefined, 64)).toBe(4);
  });

  it('takes a whole number from 0 (render on the request thread) to 16', () => {
    expect(parseRenderThreads('0', 8)).toBe(0);
    expect(parseRenderThreads('3', 8)).toBe(3);
    for (const bad of ['-1', '1.5', 'two', '17']) {
      expect(() => parseRenderThreads(bad, 2)).toThrow(/RENDER_THREADS must be a whole number/);
    }
  });
});

const BAD_FILTER_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNnZGL+DwABNwENmbycDQAAAABJRU5ErkJggg==';

const KIT: BrandKitInput = {
  practice: { name: 'Worker Thread Wellness', phone: '(555) 010-7777' },
  colours: { primary: '#1A4D8F', accent: '#2E7D6B' },
  typeface: 'atkinson-hyperlegible',
};

describe('createRenderPool (worker threads running build/render-worker.js)', () => {
  let pool: RenderPool;

  beforeAll(() => {
    // Bundle the worker exactly as `pnpm build` does (esbuild, about a second).
    execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: portalRoot() });
    pool = createRenderPool({
      filename: join(portalRoot(), 'build', 'render-worker.js'),
      threads: 1,
    });
  }, 60_000);

  afterAll(async () => {
    await pool?.close();
  });

  it('renders a branded handout on a worker thread', async () => {
    const pdf = await pool.render({
      kind: 'handout',
      documentId: 'preparing-for-your-session',
      locale: 'es',
      paper: 'A4',
      brandKit: KIT,
    });
    const { text, pages } = await pdfText(pdf);
    expect(pages).toBeGreaterThan(0);
    expect(text).toContain('Worker Thread Wellness');
    expect(text).toContain('(555) 010-7777');
    expect(text).toMatch(/sesión/);
  });

  it('queues tasks when every worker is busy and answers each with its own PDF', async () => {
    const names = ['First Clinic', 'Second Clinic', 'Third Clinic'];
    const pdfs = await Promise.all(
      names.map((name) =>
        pool.render({
          kind: 'consent',
          locale: 'en',
          paper: 'LETTER',
          routes: ['iv'],
          brandKit: { ...KIT, practice: { ...KIT.practice, name } },
        }),
      ),
    );
    const texts = await Promise.all(pdfs.map(async (pdf) => (await pdfText(pdf)).text));
    names.forEach((name, index) => {
      expect(texts[index]).toContain(name);
      for (const other of names.filter((candidate) => candidate !== name)) {
        expect(texts[index]).not.toContain(other);
      }
    });
  });

  it('rejects with the worker’s error for a task it cannot render, and keeps working', async () => {
    await expect(
      pool.render({
        kind: 'handout',
        documentId: 'no-such-handout',
        locale: 'en',
        paper: 'LETTER',
        brandKit: KIT,
      }),
    ).rejects.toThrow(/no-such-handout/);
    const pdf = await pool.render({ kind: 'guide', paper: 'LETTER' });
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
  });

  it('answers a brand kit whose logo cannot be decoded with a brand-kit failure naming logo, and keeps working', async () => {
    // A 1x1 RGBA PNG with valid checksums and a row-filter byte of 7: it used to kill the process.
    const logo = `data:image/png;base64,${BAD_FILTER_PNG}`;
    const error = await pool
      .render({
        kind: 'handout',
        documentId: 'preparing-for-your-session',
        locale: 'en',
        paper: 'LETTER',
        brandKit: { ...KIT, logo },
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PdfRenderFailure);
    expect((error as PdfRenderFailure).failure).toMatchObject({
      kind: 'brand-kit',
      issues: [{ field: 'logo', message: expect.stringMatching(/filter type 7/) }],
    });
    const response = renderFailureResponse((error as PdfRenderFailure).failure);
    expect(response.status).toBe(422);
    expect(await response.text()).toMatch(/Brand kit page:\nlogo: The PNG logo is corrupt/);
    const pdf = await pool.render({ kind: 'guide', paper: 'LETTER' });
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
  });

  it('refuses a pool without threads', () => {
    expect(() => createRenderPool({ filename: 'unused.js', threads: 0 })).toThrow(/threads/);
  });
});

describe('a render worker that crashes', () => {
  let pool: RenderPool;

  beforeAll(() => {
    pool = createRenderPool({
      filename: join(portalRoot(), 'server', 'render-pool.crash-worker.mjs'),
      threads: 1,
    });
  });

  afterAll(async () => {
    await pool?.close();
  });

  // The fixture crashes on task kinds no real task has.
  const crash = (kind: 'exit' | 'escape') =>
    ({ kind, paper: 'LETTER' }) as unknown as PdfRenderTask;

  it.each([
    'exit',
    'escape',
  ] as const)('fails only the task it was running (%s), as worker-crashed, and is replaced', async (kind) => {
    const error = await pool.render(crash(kind)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PdfRenderFailure);
    expect((error as PdfRenderFailure).failure.kind).toBe('worker-crashed');
    const response = renderFailureResponse((error as PdfRenderFailure).failure);
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toBe('5');
    expect(await response.text()).toMatch(/has been restarted\. Please try again/);
    // The one worker was replaced: the next tasks are answered.
    const pdfs = await Promise.all([
      pool.render({ kind: 'guide', paper: 'LETTER' }),
      pool.render({ kind: 'guide', paper: 'A4' }),
    ]);
    for (const pdf of pdfs) expect(new TextDecoder().decode(pdf)).toBe('%PDF-fake guide');
  });
});
