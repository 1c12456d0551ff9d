import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { PGlite } from '@electric-sql/pglite';
import { type Page, expect, test } from '@playwright/test';
import sharp from 'sharp';
import { wrapPglite } from '../app/db/client.server';
import { pdfText } from '../app/lib/documents/page-image.server';
import { findInEveryTable, publicTables } from '../app/test/scan-database';
import { signUp } from './helpers';

/**
 * Brand kit → handout studio → consent generator, in a real browser against
 * the built server. This spec starts its own server (port E2E_PORT + 1, a
 * fresh PGlite directory) so it can read everything the server logs and,
 * once the server has stopped, every table of its database.
 */

const portalDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.E2E_PORT ?? 3100) + 1;
const baseURL = `http://127.0.0.1:${port}`;
const PRACTICE = 'Lakeside Ketamine Clinic';
const PHONE = '(541) 555-0123';
const PATIENT = 'Ignatius Featherstonehaugh';

let server: ChildProcess;
let dataDir: string;
let serverOutput = '';

test.use({ baseURL });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = mkdtempSync(join(tmpdir(), 'groundwork-e2e-documents-'));
  server = spawn(process.execPath, ['build/server.js'], {
    cwd: portalDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      PGLITE_DATA_DIR: join(dataDir, 'pglite'),
      DATABASE_URL: '',
      LOG_LEVEL: 'trace',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    serverOutput += chunk.toString('utf8');
  };
  server.stdout?.on('data', collect);
  server.stderr?.on('data', collect);
  await expect
    .poll(() => serverOutput.includes('listening'), { timeout: 150_000, intervals: [500] })
    .toBe(true);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

async function downloadedText(page: Page, trigger: () => Promise<void>) {
  const downloading = page.waitForEvent('download');
  await trigger();
  const download = await downloading;
  const path = await download.path();
  return {
    name: download.suggestedFilename(),
    ...(await pdfText(new Uint8Array(readFileSync(path)))),
  };
}

let practiceUrl = '';
let primaryColour = '';
const cspViolations: string[] = [];

test('brand kit, handout studio and consent generator, end to end', async ({ page }) => {
  test.setTimeout(240_000);
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await test.step('an owner sets up a brand kit with a live contrast check', () => brandKit(page));
  await test.step('the studio previews a Spanish A4 handout and downloads its PDF', () =>
    studio(page));
  await test.step('a consent form prints the patient name, stored and logged nowhere', () =>
    consent(page));
});

async function brandKit(page: Page) {
  await signUp(page, { name: 'Olivia Owner', email: `owner-${Date.now()}@example.org` });
  await page.waitForURL('**/practices/new');
  await page.getByLabel('Practice name').fill(PRACTICE);
  await page.getByLabel('US state').selectOption('OR');
  await page.getByLabel('Intravenous (IV) ketamine').check();
  await page.getByLabel('No', { exact: true }).check();
  await page.getByRole('button', { name: 'Create practice' }).click();
  await page.waitForURL(/\/practices\/[0-9a-f-]{36}$/);
  practiceUrl = new URL(page.url()).pathname;

  await page.getByRole('link', { name: 'Brand kit' }).click();
  await expect(page.getByRole('heading', { name: 'Brand kit', level: 1 })).toBeVisible();
  const logo = await sharp({
    create: { width: 600, height: 200, channels: 3, background: '#2E7D6B' },
  })
    .png()
    .toBuffer();
  await page.getByLabel(/Upload a logo/).setInputFiles({
    name: 'logo.png',
    mimeType: 'image/png',
    buffer: logo,
  });
  await page.getByLabel('Primary colour').fill('#ffe600');
  const fix = page.getByRole('button', { name: /^Use #[0-9A-F]{6}$/ });
  await expect(page.getByText(/contrast ratio of 1\.\d+:1/)).toBeVisible();
  primaryColour = ((await fix.textContent()) ?? '').replace('Use ', '').trim();
  await fix.click();
  await expect(page.getByText(/passes WCAG AA for text/).first()).toBeVisible();
  await page.getByLabel('Phone', { exact: true }).fill(PHONE);
  await page.getByLabel('Emergency phone').fill('(541) 555-0199');
  await page.getByLabel('Website').fill('https://lakeside.example.org');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save brand kit' }).click();
  await expect(page.getByText('Saved as version 1.')).toBeVisible();
  await expect(page.getByRole('img', { name: `Current logo of ${PRACTICE}` })).toBeVisible();
}

async function studio(page: Page) {
  await page.goto(`${practiceUrl}/handouts`);
  await expect(page.getByRole('heading', { name: 'Handout studio' })).toBeVisible();
  await page.getByLabel('Español (Spanish)').check();
  await page.getByLabel('A4').check();
  await page.waitForURL(/locale=es/);
  await page.waitForURL(/paper=A4/);
  const preview = page.locator('article.document-preview');
  await expect(preview).toHaveAttribute('lang', 'es');
  await expect(preview).toHaveClass(/paper-a4/);
  await expect(preview.getByText(PRACTICE).first()).toBeVisible();
  // The brand stylesheet applies the saved (contrast-fixed) primary colour.
  const rgb = [1, 3, 5].map((start) => Number.parseInt(primaryColour.slice(start, start + 2), 16));
  await expect(preview.locator('h3').first()).toHaveCSS('color', `rgb(${rgb.join(', ')})`);
  const firstPage = page.getByRole('img', { name: /First page of the PDF/ });
  await firstPage.scrollIntoViewIfNeeded();
  await expect
    .poll(() => firstPage.evaluate((image: HTMLImageElement) => image.naturalWidth), {
      timeout: 60_000,
    })
    .toBeGreaterThan(0);
  await expectAccessible(page);

  const pdf = await downloadedText(page, () =>
    page
      .getByRole('link', { name: /\(PDF\)$/ })
      .first()
      .click(),
  );
  expect(pdf.name).toMatch(/-es-a4\.pdf$/);
  expect(pdf.text).toContain(PRACTICE);
  expect(pdf.text).toContain(PHONE);
}

async function consent(page: Page) {
  await page.goto(`${practiceUrl}/consent`);
  await expect(page.getByRole('heading', { name: 'Consent generator' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Patient name').fill(PATIENT);
  await page.getByLabel('Date').fill('2026-11-21');
  const pdf = await downloadedText(page, () =>
    page.getByRole('button', { name: 'Generate consent form (PDF)' }).click(),
  );
  expect(pdf.text).toContain(PATIENT);
  expect(pdf.text).toContain(PRACTICE);

  await page.goto(`${practiceUrl}/documents/activity`);
  await expect(page.getByRole('cell', { name: 'informed-consent (iv)' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Olivia Owner' }).first()).toBeVisible();
  await expect(page.locator('body')).not.toContainText('Featherstonehaugh');
  await expectAccessible(page);
  expect(cspViolations).toEqual([]);

  // Stop the server, then look everywhere it could have kept the name.
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  expect(serverOutput).toContain('/documents/consent');
  expect(serverOutput).not.toContain('Featherstonehaugh');
  expect(serverOutput).not.toContain('Ignatius');

  const client = await PGlite.create(join(dataDir, 'pglite'));
  const database = wrapPglite(client);
  try {
    expect(await publicTables(database.db)).toEqual(
      expect.arrayContaining(['brand_kit_versions', 'document_activity', 'practices', 'users']),
    );
    expect(await findInEveryTable(database.db, PRACTICE)).not.toEqual([]);
    expect(await findInEveryTable(database.db, 'Featherstonehaugh')).toEqual([]);
  } finally {
    await database.close();
  }

  // And the raw files (tables, indexes, write-ahead log), byte for byte.
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(join(dataDir, 'pglite'));
  const containing = (needle: string) =>
    files.filter((file) => readFileSync(file).includes(Buffer.from(needle, 'utf8')));
  expect(containing(PRACTICE).length).toBeGreaterThan(0);
  expect(containing('Featherstonehaugh')).toEqual([]);
}
