import { readmeExamples, runReadmeExample } from '@groundwork/test-utils';
import { describe, expect, it } from 'vitest';

const readmeUrl = new URL('../README.md', import.meta.url);

describe('README examples', () => {
  const examples = readmeExamples(readmeUrl);
  async function run(index: number): Promise<unknown[][]> {
    const example = examples[index];
    if (!example) throw new Error(`README has no runnable block ${index}`);
    return (await runReadmeExample({ readmeUrl, example })).logs;
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
    const index = examples.findIndex(({ code }) => code.includes('@groundwork/content/references'));
    const [[count], [url]] = (await run(index)) as [[number], [string]];
    expect(count).toBeGreaterThan(10);
    expect(url).toMatch(/^https:\/\//);
  });
});
