/**
 * Screenshots of the portal's main pages, for the design docs
 * (`pnpm --filter @groundwork/portal screenshots <base-url> <out-dir>`; defaults
 * http://127.0.0.1:3100 and the repository's docs/images/after). See
 * docs/design-system.md.
 *
 * Starts nothing itself: point it at a running production build with a fresh
 * database, sign-up throttling relaxed and the dev outbox on, e.g.
 *
 *   PORT=3100 HOST=127.0.0.1 NODE_ENV=production DEV_OUTBOX=1 \
 *     SIGNUP_LIMIT_PER_IP=1000 PGLITE_DATA_DIR=$(mktemp -d) pnpm start
 *
 * It signs up a user, creates a practice, fills in a little data (a checklist
 * item done, a brand kit, a sent packet, a patient record with PHQ-9 scores)
 * and saves JPEGs (quality 50, at most 1,400 px tall) of each page at 1280 px wide, plus a few at 320 px.
 * Uses the system Chromium (CHROMIUM_PATH or /usr/bin/chromium), as the e2e
 * tests do; @playwright/test re-exports playwright-core's launcher.
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page, chromium } from '@playwright/test';
import { chromiumExecutable } from '../e2e/chromium';
import { answerEligible } from '../e2e/screening-helpers';

// `pnpm screenshots -- <url> <dir>` may pass the `--` through.
const args = process.argv.slice(2).filter((arg) => arg !== '--');
const baseUrl = (args[0] ?? 'http://127.0.0.1:3100').replace(/\/$/, '');
// Default: the repository's docs/images/after, wherever the script is run from.
const outDir = args[1]
  ? resolve(args[1])
  : fileURLToPath(new URL('../../../docs/images/after', import.meta.url));
const PASSWORD = 'a long screenshot password';
/** Tall pages are cut here so the images stay small. */
const MAX_HEIGHT = 1400;
/** The pages also captured at phone width. */
const NARROW = new Set([
  'home',
  'login',
  'practice-dashboard',
  'checklist',
  'brand-kit',
  'screening-result',
  'patient-record',
]);

async function shoot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const width of NARROW.has(name) ? [1280, 320] : [1280]) {
    await page.setViewportSize({ width, height: width === 320 ? 640 : 800 });
    // Let layout settle after the resize (charts and grids reflow).
    await page.waitForTimeout(150);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({
      path: join(outDir, `${name}-${width}.jpg`),
      type: 'jpeg',
      quality: 50,
      fullPage: true,
      clip: { x: 0, y: 0, width, height: Math.min(height, MAX_HEIGHT) },
    });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function visit(page: Page, path: string, name: string) {
  await page.goto(`${baseUrl}${path}`);
  await shoot(page, name);
}

async function signUpAndLogIn(page: Page, email: string) {
  await page.goto(`${baseUrl}/signup`);
  await page.getByLabel('Your name').fill('Dr Dana Example');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((url) => url.pathname === '/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

async function createPractice(page: Page): Promise<string> {
  await page.goto(`${baseUrl}/practices/new`);
  await page.getByLabel('Practice name').fill('Cedar Grove Ketamine Clinic');
  await page.getByLabel('US state').selectOption('OR');
  await page.getByLabel('Intravenous (IV) ketamine').check();
  await page.getByLabel('Intranasal esketamine (Spravato, REMS)').check();
  await page.getByRole('radio', { name: 'Yes' }).check();
  await page.getByRole('button', { name: 'Create practice' }).click();
  await page.waitForURL(/\/practices\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split('/practices/')[1] ?? '';
}

async function addPhq9(page: Page, takenOn: string, total: number) {
  const form = page.getByRole('form', { name: 'Add a PHQ-9 score' });
  await form.getByLabel('Taken on').fill(takenOn);
  await form.getByLabel(/^Total/).fill(String(total));
  await form.getByRole('button', { name: 'Save PHQ-9 score' }).click();
  await page.getByText('Saved 1 score.').waitFor();
}

async function run(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();

  await visit(page, '/', 'home');
  await visit(page, '/guide', 'guide-index');
  await visit(page, '/guide/read', 'guide-reader');
  await visit(page, '/login', 'login');

  await signUpAndLogIn(page, `screenshots-${Date.now()}@example.org`);
  const practiceId = await createPractice(page);
  const base = `/practices/${practiceId}`;
  await visit(page, '/practices', 'practices-list');

  await page.goto(`${baseUrl}${base}/checklist`);
  const row = page.locator('[data-item-id="npi-numbers"]');
  await row.getByRole('button', { name: /^Mark done:/ }).click();
  await row.getByRole('button', { name: /^Reopen:/ }).waitFor();
  await shoot(page, 'checklist');
  await visit(page, `${base}/checklist/npi-numbers`, 'checklist-item');
  await visit(page, base, 'practice-dashboard');

  await page.goto(`${baseUrl}${base}/brand`);
  await page.getByLabel('Address').fill('12 Cedar Lane, Portland, OR 97201');
  await page.getByLabel('Phone', { exact: true }).fill('(503) 555-0100');
  await page.getByRole('button', { name: 'Save brand kit' }).click();
  await page.getByText(/Saved as version/).waitFor();
  // A light accent shows the contrast warning beside its suggestion.
  await page.getByLabel('Accent colour').fill('#f2c94c');
  await shoot(page, 'brand-kit');

  await visit(page, `${base}/handouts`, 'handouts');
  await visit(page, `${base}/forms`, 'forms');
  await visit(page, `${base}/consent`, 'consent');

  await page.goto(`${baseUrl}${base}/screening`);
  await page.locator('#q-pregnant').waitFor({ state: 'detached' });
  await answerEligible(page);
  await page.getByRole('button', { name: 'Screen', exact: true }).click();
  await page.getByTestId('decision').waitFor();
  await shoot(page, 'screening-result');

  await visit(page, `${base}/rules`, 'rules');
  await visit(page, `${base}/members`, 'members');
  await visit(page, `${base}/settings`, 'settings');

  await visit(page, `${base}/packets/new`, 'packet-new');
  await page.getByLabel('Full name').fill('Jordan Rivers');
  await page.getByLabel('E-mail address').fill('jordan.rivers@example.org');
  await page.getByLabel('Date of birth').fill('1984-02-29');
  await page.getByLabel('What happens during a session').check();
  await page.getByRole('button', { name: 'Send packet' }).click();
  await page.getByRole('heading', { name: 'Packet sent' }).waitFor();
  await visit(page, `${base}/packets`, 'packets-list');

  await page.goto(`${baseUrl}${base}/patients`);
  await page.getByLabel('Full name').fill('Araminta Quillsby');
  await page.getByLabel('Date of birth').fill('1981-07-14');
  await page.getByRole('button', { name: 'Create patient record' }).click();
  await page.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
  await addPhq9(page, '2026-09-01', 20);
  await addPhq9(page, '2026-10-01', 9);
  await addPhq9(page, '2026-11-01', 3);
  await shoot(page, 'patient-record');
  await visit(page, `${base}/patients`, 'patient-records');

  await visit(page, '/account', 'account');
  await context.close();
}

mkdirSync(outDir, { recursive: true });
for (const file of readdirSync(outDir)) {
  if (file.endsWith('.jpg')) rmSync(join(outDir, file));
}
const browser = await chromium.launch({
  executablePath: chromiumExecutable(),
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  await run(browser);
} finally {
  await browser.close();
}
const files = readdirSync(outDir).filter((file) => file.endsWith('.jpg'));
const bytes = files.reduce((sum, file) => sum + statSync(join(outDir, file)).size, 0);
console.log(`${files.length} screenshots, ${(bytes / 1024).toFixed(0)} KiB, in ${outDir}`);
