import { describe, expect, it } from 'vitest';
import { readmeExamples, runReadmeExample } from './readme-examples.js';

const readmeUrl = new URL('./fixtures/README.md', import.meta.url);

describe('readmeExamples', () => {
  it('finds the js and ts blocks with their fence lines, not the shell block', () => {
    const examples = readmeExamples(readmeUrl);
    expect(examples.map(({ language, line }) => [language, line])).toEqual([
      ['js', 7],
      ['ts', 11],
      ['js', 16],
    ]);
    expect(examples[0]?.code).toBe("console.log('js block', 1 + 1);\n");
  });
});

describe('runReadmeExample', () => {
  const [js, ts, broken] = readmeExamples(readmeUrl);

  it('returns what a js block logged', async () => {
    if (!js) throw new Error('fixture has no js block');
    await expect(runReadmeExample({ readmeUrl, example: js })).resolves.toEqual({
      logs: [['js block', 2]],
    });
  });

  it('runs TypeScript blocks', async () => {
    if (!ts) throw new Error('fixture has no ts block');
    expect((await runReadmeExample({ readmeUrl, example: ts })).logs).toEqual([[42]]);
  });

  it('names the README line of a block that throws and keeps the cause', async () => {
    if (!broken) throw new Error('fixture has no failing block');
    const failure = await runReadmeExample({ readmeUrl, example: broken }).catch((error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure.message).toMatch(/README block at line 16/);
    expect(failure.cause).toMatchObject({ message: 'broken example' });
  });
});
