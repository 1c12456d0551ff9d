import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { encode as encodePng } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { BAD_FILTER_PNG, makePng, report, riverside } from '../../test/fixtures.js';
import { inspectPdf, squash } from '../../test/inspect-pdf.js';

const cli = resolve(import.meta.dirname, '../../dist/cli.js');
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'groundwork-pdf-cli-'));
writeFileSync(join(dir, 'logo.png'), makePng(60, 20));
writeFileSync(join(dir, 'brand.json'), JSON.stringify({ ...riverside, logo: 'logo.png' }));
writeFileSync(join(dir, 'report.json'), JSON.stringify(report));
writeFileSync(
  join(dir, 'bad-brand.json'),
  JSON.stringify({ practice: { name: 'X', website: 'ftp://x' }, colours: { primary: 'red' } }),
);
writeFileSync(join(dir, 'not-json.json'), '{ practice: ');
writeFileSync(join(dir, 'bad-filter.png'), BAD_FILTER_PNG);
writeFileSync(
  join(dir, 'bad-logo-brand.json'),
  JSON.stringify({ ...riverside, logo: 'bad-filter.png' }),
);
// Translucent, so it stays RGBA and pdfkit has png-js decode it (to split off the alpha).
writeFileSync(
  join(dir, 'translucent.png'),
  encodePng({ width: 4, height: 4, data: new Uint8Array(64).fill(128), channels: 4, depth: 8 }),
);
writeFileSync(
  join(dir, 'translucent-brand.json'),
  JSON.stringify({ ...riverside, logo: 'translucent.png' }),
);
const breakPngInflate = resolve(import.meta.dirname, '../../test/break-png-inflate.mjs');

async function groundworkPdf(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const preload = args[0] === '--import' ? args.splice(0, 2) : [];
  try {
    const { stdout, stderr } = await run(process.execPath, [...preload, cli, ...args], {
      cwd: dir,
      encoding: 'utf8',
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('groundwork-pdf', () => {
  it('prints help with every command and exits 0', async () => {
    const { code, stdout } = await groundworkPdf('--help');
    expect(code).toBe(0);
    for (const command of ['guide', 'handout <id>', 'consent <id>', 'checklist-report'])
      expect(stdout).toContain(command);
  });

  it.each([
    [['frobnicate'], /Unknown command "frobnicate"/],
    [[], /No command given/],
    [['handout'], /needs a document id/],
    [['handout', 'preparing-for-your-session'], /needs --brand/],
    [['handout', 'x', '--brand', 'brand.json', '--paper', 'legal'], /Unknown paper "legal"/],
    [
      ['consent', 'informed-consent', '--brand', 'brand.json', '--routes', 'iv,nasal'],
      /Unknown route\(s\) "nasal"/,
    ],
    [['guide', '--colour', 'red'], /Unknown option '--colour'/],
  ])('exits 2 on bad usage: %j', async (args, message) => {
    const { code, stderr } = await groundworkPdf(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it.each([
    [['handout', 'no-such-handout', '--brand', 'brand.json'], /Unknown handout "no-such-handout"/],
    [
      ['handout', 'preparing-for-your-session', '--brand', 'bad-brand.json'],
      /practice\.website.*\n.*colours\.primary/s,
    ],
    [['handout', 'preparing-for-your-session', '--brand', 'not-json.json'], /not valid JSON/],
    [
      ['handout', 'preparing-for-your-session', '--brand', 'missing.json'],
      /Cannot read the brand kit file/,
    ],
    [
      ['handout', 'preparing-for-your-session', '--brand', 'bad-logo-brand.json'],
      /^groundwork-pdf: Invalid brand kit:\nlogo: The PNG logo is corrupt: a row uses filter type 7/,
    ],
  ])('exits 1 on bad input: %j', async (args, message) => {
    const { code, stderr } = await groundworkPdf(...args);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
  });

  it('writes a branded Spanish A4 handout with the logo read relative to brand.json', async () => {
    const { code, stderr } = await groundworkPdf(
      'handout',
      'preparing-for-your-session',
      '--brand',
      'brand.json',
      '--locale',
      'es',
      '--paper',
      'a4',
      '--out',
      'h.pdf',
    );
    expect(stderr).toContain('wrote');
    expect(code).toBe(0);
    const pdf = await inspectPdf(new Uint8Array(readFileSync(join(dir, 'h.pdf'))));
    expect(pdf.pages[0]?.width).toBeCloseTo(595.28, 1);
    expect(pdf.pages[0]?.images).toBe(1);
    expect(pdf.info.Language).toBe('es');
  });

  it('writes a consent form for the routes given', async () => {
    const { code } = await groundworkPdf(
      'consent',
      'informed-consent',
      '--brand',
      'brand.json',
      '--routes',
      'iv,im',
      '--out',
      'c.pdf',
    );
    expect(code).toBe(0);
    const text = squash((await inspectPdf(new Uint8Array(readFileSync(join(dir, 'c.pdf'))))).text);
    expect(text).toContain('Routes covered: IV infusion, IM injection');
  });

  it('writes a tagged PDF, or an untagged one with --untagged', async () => {
    const tagged = await groundworkPdf('guide', '--out', 'tagged.pdf');
    const untagged = await groundworkPdf('guide', '--untagged', '--out', 'untagged.pdf');
    expect([tagged.code, untagged.code]).toEqual([0, 0]);
    const info = async (file: string) => (await run('pdfinfo', [join(dir, file)])).stdout;
    expect(await info('tagged.pdf')).toMatch(/Tagged:\s+yes/);
    expect(await info('untagged.pdf')).toMatch(/Tagged:\s+no/);
  });

  it('writes a checklist report to stdout with --out -', async () => {
    const { code, stdout } = await run(
      process.execPath,
      [cli, 'checklist-report', '--report', 'report.json', '--brand', 'brand.json', '--out', '-'],
      {
        cwd: dir,
        encoding: 'buffer',
      },
    ).then((result) => ({ code: 0, stdout: result.stdout }));
    expect(code).toBe(0);
    expect(stdout.subarray(0, 5).toString()).toBe('%PDF-');
    expect(squash((await inspectPdf(new Uint8Array(stdout))).text)).toContain(
      'Onboarding checklist report',
    );
  });

  it('exits 3, with a message and no stack, when the renderer fails inside a callback', async () => {
    // The logo is valid; the preload makes png-js throw from a zlib callback.
    const { code, stderr } = await groundworkPdf(
      '--import',
      breakPngInflate,
      'handout',
      'preparing-for-your-session',
      '--brand',
      'translucent-brand.json',
      '--out',
      'crash.pdf',
    );
    expect(stderr).toMatch(
      /^groundwork-pdf: Could not render handout "preparing-for-your-session" \(en\): Invalid filter algorithm: 7\n$/,
    );
    expect(code).toBe(3);
  });

  it('exits 4 when the output cannot be written', async () => {
    const { code, stderr } = await groundworkPdf(
      'handout',
      'preparing-for-your-session',
      '--brand',
      'brand.json',
      '--out',
      'no/such/dir/h.pdf',
    );
    expect(code).toBe(4);
    expect(stderr).toMatch(/Cannot write/);
  });
});
