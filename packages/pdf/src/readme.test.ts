import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readmeExamples, runReadmeExample } from '@groundwork/test-utils';
import { afterAll, describe, expect, it } from 'vitest';

const readmeUrl = new URL('../README.md', import.meta.url);
const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url));

describe('README examples', () => {
  const examples = readmeExamples(readmeUrl);
  // The blocks read logo.png and report.json and write PDFs: give them a folder
  // holding the package's examples, as a reader would run them.
  const cwd = mkdtempSync(join(tmpdir(), 'groundwork-pdf-readme-'));
  for (const file of ['logo.png', 'report.json'])
    copyFileSync(join(examplesDir, file), join(cwd, file));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  const run = async (index: number) => {
    const example = examples[index];
    if (!example) throw new Error(`README has no runnable block ${index}`);
    return (await runReadmeExample({ readmeUrl, example, cwd })).logs;
  };

  it('has the render, errors and brand-helper examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples.map((_, index) => index))('block %i runs as written', async (index) => {
    await expect(run(index)).resolves.toBeInstanceOf(Array);
  });

  it('the render example writes four real PDFs', async () => {
    await run(0);
    for (const file of ['preparing.pdf', 'consent.pdf', 'guide.pdf', 'report.pdf']) {
      const path = join(cwd, file);
      expect(existsSync(path), file).toBe(true);
      expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  });

  it('the errors example prints the issue it shows', async () => {
    const index = examples.findIndex(({ code }) => code.includes('RenderOptionsError'));
    expect(await run(index)).toEqual([
      [[{ field: 'locale', message: 'must be one of en, es (received "fr")' }]],
    ]);
  });
});
