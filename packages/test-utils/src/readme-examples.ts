import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { vi } from 'vitest';

/** One fenced code block of a README that a test runs as a module. */
export interface ReadmeExample {
  /** 0-based position among the runnable blocks. */
  index: number;
  /** The fence's language: `js` runs as `.mjs`, `ts` as `.ts` (Vite transforms it). */
  language: 'js' | 'ts';
  /** 1-based line of the opening fence, so a failure points at the README. */
  line: number;
  code: string;
}

/** What running a README block gave: every `console.log` call's arguments. */
export interface ReadmeExampleRun {
  logs: unknown[][];
}

const FENCE = /^```(js|ts)[^\S\n]*\n([\s\S]*?)^```/gm;

/**
 * The runnable blocks (```js and ```ts fences) of a README, in order. Other
 * fences (`sh`, `text`) are shown, not run.
 */
export function readmeExamples(readmeUrl: URL): ReadmeExample[] {
  const readme = readFileSync(readmeUrl, 'utf8');
  return [...readme.matchAll(FENCE)].map((match, index) => ({
    index,
    language: match[1] === 'ts' ? 'ts' : 'js',
    line: readme.slice(0, match.index).split('\n').length,
    code: match[2] ?? '',
  }));
}

let runs = 0;

/**
 * Runs one README block as a module from a scratch folder beside the README
 * (so bare imports resolve to the package and its dependencies) and returns
 * what it logged. `cwd` is the folder relative paths in the block read from
 * and write to (a scratch folder by default), removed afterwards.
 */
export async function runReadmeExample({
  readmeUrl,
  example,
  cwd,
}: {
  readmeUrl: URL;
  example: ReadmeExample;
  cwd?: string;
}): Promise<ReadmeExampleRun> {
  const packageDir = dirname(fileURLToPath(readmeUrl));
  const scratch = join(packageDir, '.readme-examples');
  mkdirSync(scratch, { recursive: true });
  runs += 1;
  // A fresh file per run: a module already imported would not run again.
  const file = join(
    scratch,
    `example-${example.index + 1}-${process.pid}-${runs}.${example.language === 'ts' ? 'ts' : 'mjs'}`,
  );
  writeFileSync(file, example.code);
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const previousCwd = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    await import(/* @vite-ignore */ pathToFileURL(file).href);
    return { logs: log.mock.calls.map((call) => [...call]) };
  } catch (cause) {
    throw new Error(`README block at line ${example.line} (${readmeUrl.pathname}) failed`, {
      cause,
    });
  } finally {
    if (cwd) process.chdir(previousCwd);
    log.mockRestore();
    rmSync(file, { force: true });
  }
}
