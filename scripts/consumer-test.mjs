#!/usr/bin/env node
// Packs every published package with `pnpm pack`, installs the tarballs into a
// scratch ESM project and a scratch CommonJS project outside the workspace, and
// imports every entry point of each. A broken exports map, a file missing from
// `files`, or a dependency that only resolves inside the workspace fails here.
import { execFileSync } from 'node:child_process';
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
        dependencies: files,
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
rmSync(scratch, { recursive: true, force: true });
console.log(`consumer: ${entries.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
