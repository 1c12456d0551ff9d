import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README examples', () => {
  const examples = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  const scratch = fileURLToPath(new URL('../.readme-examples/', import.meta.url));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  let runs = 0;

  /** Runs one README code block as a module against the built package; returns what it logged. */
  async function run(index: number): Promise<unknown[][]> {
    mkdirSync(scratch, { recursive: true });
    runs += 1;
    // A fresh file per run: a module already imported would not run again.
    const file = join(scratch, `example-${index + 1}-${runs}.mjs`);
    writeFileSync(file, examples[index] ?? '');
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await import(/* @vite-ignore */ pathToFileURL(file).href);
      return log.mock.calls;
    } finally {
      log.mockRestore();
    }
  }

  it('has the main example, the references entry and the JSON Schema lookup', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples.map((_, index) => index))('block %i runs as written', async (index) => {
    await expect(run(index)).resolves.toBeInstanceOf(Array);
  });

  it('the main example prints what its comments say', async () => {
    const logs = await run(0);
    expect(logs).toContainEqual(['en', 'es']);
    expect(logs.filter((line) => line.length === 3)).toHaveLength(5);
  });

  it('the references example prints the registry size and a URL', async () => {
    const index = examples.findIndex((code) => code.includes('@groundwork/content/references'));
    const [[count], [url]] = (await run(index)) as [[number], [string]];
    expect(count).toBeGreaterThan(10);
    expect(url).toMatch(/^https:\/\//);
  });
});
