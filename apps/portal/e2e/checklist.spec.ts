import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { pdfText } from '../app/lib/documents/page-image.server';
import { signUp } from './helpers';

/**
 * The onboarding checklist in a real browser: mark items done and not
 * applicable, assign, add a note, reload, watch progress move, resolve an
 * edit conflict, use it without JavaScript, and export the report.
 */

const PRACTICE = `Checklist E2E Clinic ${Date.now()}`;

// Sign-up, several renders and axe on long pages: more than the default minute on a busy machine.
test.setTimeout(180_000);

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

async function signUpWithPractice(page: Page) {
  await signUp(page, { name: 'Erin Example', email: `erin-${Date.now()}@example.org` });
  await page.waitForURL('**/practices/new');
  await page.getByLabel('Practice name').fill(PRACTICE);
  await page.getByLabel('US state').selectOption('OR');
  await page.getByLabel('Intravenous (IV) ketamine').check();
  await page.getByLabel('Yes').check();
  await page.getByRole('button', { name: 'Create practice' }).click();
  await page.waitForURL(/\/practices\/[0-9a-f-]{36}$/);
  return page.url();
}

async function overallFigure(page: Page) {
  const text = (await page.getByTestId('dashboard-progress-figure').textContent()) ?? '';
  const match = /(\d+) of (\d+) done/.exec(text);
  if (!match) throw new Error(`No progress figure in "${text}"`);
  return { done: Number(match[1]), total: Number(match[2]) };
}

test('a team works through the checklist and exports the report', async ({ page, browser }) => {
  const dashboard = await signUpWithPractice(page);
  await expect(page.getByRole('heading', { name: 'Launch readiness' })).toBeVisible();
  await expect(page.getByRole('img', { name: /Launch readiness by section/ })).toBeVisible();
  const start = await overallFigure(page);
  expect(start.done).toBe(0);
  await expectNoAxeViolations(page);

  // Mark one item done from the list (fetcher, optimistic).
  await page.getByRole('link', { name: 'Checklist', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Onboarding checklist' })).toBeVisible();
  await expectNoAxeViolations(page);
  const npiRow = page.locator('[data-item-id="npi-numbers"]');
  await npiRow.getByRole('button', { name: /^Mark done:/ }).click();
  await expect(npiRow.locator('[data-status]')).toHaveText('Done');
  await expect(npiRow.getByRole('button', { name: /^Reopen:/ })).toBeVisible();
  // Focus stays on the item just changed, on its new button.
  await expect(npiRow.getByRole('button', { name: /^Reopen:/ })).toBeFocused();
  // "Start" and "Mark done" of a to-do item have space between them.
  const todoButtons = page.locator('.quick-status-buttons').filter({ hasText: 'Start' }).first();
  const [startBox, markDoneBox] = await Promise.all([
    todoButtons.getByRole('button', { name: /^Start:/ }).boundingBox(),
    todoButtons.getByRole('button', { name: /^Mark done:/ }).boundingBox(),
  ]);
  expect(startBox && markDoneBox).toBeTruthy();
  if (startBox && markDoneBox) {
    expect(markDoneBox.x - (startBox.x + startBox.width)).toBeGreaterThanOrEqual(6);
  }
  await expect(page.getByTestId('progress-overall-figure')).toContainText(
    `1 of ${start.total} done`,
  );

  // Not applicable needs a reason.
  await page.getByRole('link', { name: /Confirm each clinician/ }).click();
  await expect(page.getByRole('heading', { name: 'Why it matters' })).toBeVisible();
  await page.getByLabel('Status', { exact: true }).selectOption('not-applicable');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Say why this item does not apply to your practice.')).toBeVisible();
  await page
    .getByLabel(/Why it does not apply/)
    .fill('Our group credentialing office handles licences.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('item-status')).toContainText('Not applicable');
  await expectNoAxeViolations(page);

  // Assign, set a due date, add a note and an evidence link.
  await page.goto(`${dashboard}/checklist/dea-registration-per-site`);
  await page.getByLabel('Assignee').selectOption({ label: 'Erin Example' });
  await page.getByLabel('Due date').fill('2030-01-15');
  await page
    .getByLabel('Notes', { exact: true })
    .fill('Site 2 application sent; waiting for the certificate.');
  await page.getByLabel(/Evidence links/).fill('https://www.deadiversion.usdoj.gov/');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('item-notes')).toHaveText(
    'Site 2 application sent; waiting for the certificate.',
  );
  await expect(page.getByText('Erin Example', { exact: true }).first()).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'https://www.deadiversion.usdoj.gov/' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  await expect(page.getByText(/Notes: \(none\) → Site 2 application sent/)).toBeVisible();

  // The dashboard's figures moved: one done, one fewer applicable item.
  await page.goto(dashboard);
  expect(await overallFigure(page)).toEqual({ done: 1, total: start.total - 1 });

  // Two tabs edit the same item: the second sees a conflict and re-applies.
  const other = await page.context().newPage();
  const itemUrl = `${dashboard}/checklist/state-cs-registration`;
  await page.goto(itemUrl);
  await other.goto(itemUrl);
  await page.getByLabel('Notes', { exact: true }).fill('Written in the first tab');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await other.getByLabel('Status', { exact: true }).selectOption('in-progress');
  await other.getByRole('button', { name: 'Save changes' }).click();
  await expect(other.getByRole('heading', { name: /Changed by someone else/ })).toBeVisible();
  await expectNoAxeViolations(other);
  await other.getByRole('button', { name: 'Re-apply my changes' }).click();
  await expect(other.getByText('Saved.')).toBeVisible();
  await other.reload();
  await expect(other.getByTestId('item-status')).toContainText('In progress');
  await expect(other.getByTestId('item-notes')).toHaveText('Written in the first tab');

  // A quick change from a stale list is shown at once, then rolled back when the server refuses it.
  await other.goto(`${dashboard}/checklist`);
  await page.goto(`${dashboard}/checklist/corporate-practice-review`);
  await page.getByLabel('Notes', { exact: true }).fill('Attorney review booked');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  const staleRow = other.locator('[data-item-id="corporate-practice-review"]');
  await staleRow.getByRole('button', { name: /^Start:/ }).click();
  await expect(staleRow.getByRole('alert')).toContainText('someone else changed this item');
  await expect(staleRow.locator('[data-status]')).toHaveText('To do');
  await other.close();

  // Without JavaScript the plain forms still work.
  const noScript = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const plain = await noScript.newPage();
  await plain.goto(`${dashboard}/checklist`);
  const row = plain.locator('[data-item-id="npi-numbers"]');
  await row.getByRole('button', { name: /^Reopen:/ }).click();
  await expect(plain.locator('[data-item-id="npi-numbers"] [data-status]')).toHaveText('To do');
  // After the reload, focus is back on the item that was changed, not at the top of the page.
  await expect(
    plain.locator('[data-item-id="npi-numbers"]').getByRole('button', { name: /^Start:/ }),
  ).toBeFocused();
  await noScript.close();

  // Exports.
  const csv = await page.request.get(`${dashboard}/checklist/export/csv`);
  expect(csv.status()).toBe(200);
  const csvText = await csv.text();
  expect(csvText).toContain('Site 2 application sent; waiting for the certificate.');
  expect(csvText).toMatch(
    /state-licence-scope,.*Not applicable,Our group credentialing office handles licences\./,
  );
  const pdfResponse = await page.request.get(`${dashboard}/checklist/export/pdf`);
  expect(pdfResponse.status()).toBe(200);
  expect(pdfResponse.headers()['content-type']).toBe('application/pdf');
  const { text } = await pdfText(new Uint8Array(await pdfResponse.body()));
  expect(text.replace(/\s+/g, ' ')).toContain(PRACTICE);
  expect(text).toMatch(/Register each site with the DEA/);
});

test('checklist pages pass axe and fit a phone screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  const dashboard = await signUpWithPractice(page);
  for (const path of [
    '',
    '/checklist',
    '/checklist/next',
    '/checklist/dea-registration-per-site',
  ]) {
    await page.goto(`${dashboard}${path}`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${path || 'dashboard'} scrolls sideways at phone width`).toBeLessThanOrEqual(
      0,
    );
  }
  await page.goto(`${dashboard}/checklist/next`);
  await expectNoAxeViolations(page);
  await context.close();
});
