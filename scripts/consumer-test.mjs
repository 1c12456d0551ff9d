#!/usr/bin/env node
// Packs every published package with `pnpm pack`, installs the tarballs into a
// scratch ESM project and a scratch CommonJS project outside the workspace, and
// imports every entry point of each. A broken exports map, a file missing from
// `files`, or a dependency that only resolves inside the workspace fails here.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const packagesDir = join(root, 'packages');
const scratch = mkdtempSync(join(tmpdir(), 'groundwork-consumer-'));
const tarballs = join(scratch, 'tarballs');
mkdirSync(tarballs);

const run = (command, args, cwd) =>
  execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

const published = readdirSync(packagesDir)
  .map((dir) => ({
    dir: join(packagesDir, dir),
    manifest: readJson(join(packagesDir, dir, 'package.json')),
  }))
  .filter(({ manifest }) => !manifest.private);

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

const files = {};
for (const { dir, manifest } of published) {
  const before = new Set(readdirSync(tarballs));
  run('pnpm', ['pack', '--pack-destination', tarballs], dir);
  const created = readdirSync(tarballs).find((name) => !before.has(name));
  if (!created) throw new Error(`pnpm pack produced no tarball for ${manifest.name}`);
  files[manifest.name] = `file:${join(tarballs, created)}`;
}

// Every subpath in each exports map is a public entry point, except JSON data
// files (./package.json, @groundwork/content's ./schema/*.json), which are read, not imported.
const entries = published.flatMap(({ manifest }) =>
  Object.keys(manifest.exports)
    .filter((key) => !key.endsWith('.json'))
    .map((key) => (key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`)),
);

function project(kind) {
  const dir = join(scratch, kind);
  mkdirSync(dir);
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: `groundwork-consumer-${kind}`,
        private: true,
        type: kind === 'esm' ? 'module' : 'commonjs',
        // @types/node only: a consumer without @types/react must type-check too.
        dependencies: { ...files, '@types/node': '^20.19.0' },
        // Siblings depend on each other by version; point them at the tarballs too.
        overrides: files,
      },
      null,
      2,
    ),
  );
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], dir);
  return dir;
}

const esmDir = project('esm');
const cjsDir = project('cjs');

const check = `
  const names = Object.keys(mod).filter((name) => name !== 'default');
  if (names.length === 0) throw new Error(entry + ' exports nothing');
  for (const name of names) {
    if (mod[name] === undefined) throw new Error(entry + ' exports ' + name + ' as undefined');
  }
  results[entry] = names.length;
`;
writeFileSync(
  join(esmDir, 'check.mjs'),
  `const entries = ${JSON.stringify(entries)};
const results = {};
for (const entry of entries) {
  const mod = await import(entry);
  ${check}
}
console.log(JSON.stringify(results));
`,
);
writeFileSync(
  join(cjsDir, 'check.cjs'),
  `const entries = ${JSON.stringify(entries)};
const results = {};
for (const entry of entries) {
  const mod = require(entry);
  ${check}
}
console.log(JSON.stringify(results));
`,
);

const esm = JSON.parse(run('node', ['check.mjs'], esmDir));
const cjs = JSON.parse(run('node', ['check.cjs'], cjsDir));
let failed = 0;
for (const entry of entries) {
  const same = esm[entry] === cjs[entry];
  if (!same) failed++;
  console.log(
    `${same ? 'ok' : 'MISMATCH'}  ${entry}: ${esm[entry]} exports from ESM, ${cjs[entry]} from CommonJS`,
  );
}

// Strict consumers: the published declarations must type-check under NodeNext
// with skipLibCheck off, from ESM (.d.ts) and from CommonJS (.d.cts).
const typeProgram = `
import { getDocument, type Document } from '@groundwork/content';
import { getReference } from '@groundwork/content/references';
import { ketamineDefaultRuleset, screen } from '@groundwork/eligibility';
import {
  BrandKitError,
  createRenderCache,
  renderHandout,
  type BrandKitInput,
  type HandoutRenderOptions,
  type PaperSize,
} from '@groundwork/pdf';
import { checkTextColour } from '@groundwork/pdf/brand';

const guide: Document = getDocument('psychedelic-basics-guide', { locale: 'en' });
const reference = getReference('spravato-label');
const decision: string = screen({}, ketamineDefaultRuleset).decision;
const brandKit: BrandKitInput = { practice: { name: 'Riverside' } };
const paper: PaperSize = 'A4';
const options: HandoutRenderOptions = { document: 'preparing-for-your-session', brandKit, paper, cache: createRenderCache() };
const pending: Promise<Uint8Array> = renderHandout(options);
const failure: readonly { field: string; message: string }[] = new BrandKitError([]).issues;
const passes: boolean = checkTextColour('#1A4D8F', 'primary colour').passes;
export const used = [guide, reference, decision, pending, failure, passes];
`;
const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
for (const [dir, file] of [
  [esmDir, 'types.mts'],
  [cjsDir, 'types.cts'],
]) {
  writeFileSync(join(dir, file), typeProgram);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        target: 'ES2022',
        strict: true,
        skipLibCheck: false,
        noEmit: true,
        types: ['node'],
      },
      files: [file],
    }),
  );
  try {
    run('node', [tsc, '-p', dir], dir);
    console.log(`ok  strict types (${file}, NodeNext, skipLibCheck false)`);
  } catch (error) {
    failed++;
    console.log(`FAILED  strict types (${file}):\n${error.stdout ?? error.message}`);
  }
}

// What a browser bundle of each browser-safe entry weighs, minified, built the
// way an app would from the installed tarballs (figures in docs/performance.md).
const { build } = await import(createRequire(join(root, 'package.json')).resolve('esbuild'));
const budgets = {
  '@groundwork/content/references': 20,
  '@groundwork/eligibility': 250,
  '@groundwork/pdf/brand': 150,
};
for (const entry of ['@groundwork/content', ...Object.keys(budgets)]) {
  const result = await build({
    stdin: { contents: `export * from '${entry}';`, resolveDir: esmDir, loader: 'js' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
  });
  const kilobytes = Math.round(result.outputFiles[0].contents.byteLength / 1024);
  const budget = budgets[entry];
  const within = budget === undefined || kilobytes <= budget;
  if (!within) failed++;
  console.log(
    `${within ? 'ok' : 'OVER BUDGET'}  browser bundle of ${entry}: ${kilobytes} KB minified${budget ? ` (budget ${budget} KB)` : ''}`,
  );
}

rmSync(scratch, { recursive: true, force: true });
const checks = entries.length + 2 + 4;
console.log(`consumer: ${checks - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
