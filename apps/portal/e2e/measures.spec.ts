import { readFileSync } from 'node:fs';
import { type Page, expect, test } from '@playwright/test';
import { createPractice, expectAxeClean, signUp, uniqueEmail } from './helpers';
import { answerEligible, decision } from './screening-helpers';

/**
 * Measurement-based care in Chromium: a clinician creates a patient record,
 * saves three PHQ-9 scores, sees response and remission on the chart (in
 * words as well as shape), exports the CSV and deletes a score. Each page is
 * axe-clean.
 */

async function addPhq9(
  page: Page,
  {
    takenOn,
    items = null,
    total,
    count,
  }: { takenOn: string; items?: number[] | null; total?: number; count: number },
) {
  const form = page.getByRole('form', { name: 'Add a PHQ-9 score' });
  await form.getByLabel('Taken on').fill(takenOn);
  if (items) {
    for (const [index, value] of items.entries()) {
      await form.getByLabel(new RegExp(`^${index + 1}\\. `)).fill(String(value));
    }
  } else {
    await form.getByLabel(/^Total/).fill(String(total));
  }
  await form.getByRole('button', { name: 'Save PHQ-9 score' }).click();
  await expect(page.getByText('Saved 1 score.')).toBeVisible();
  // Header row plus one row per score.
  await expect(
    page.getByRole('table', { name: 'PHQ-9 scores, oldest first' }).getByRole('row'),
  ).toHaveCount(count + 1);
}

test('a patient record: three PHQ-9 scores, response and remission charted, CSV export, a score deleted', async ({
  browser,
}) => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await signUp(page, { name: 'Dr Measures Owner', email: uniqueEmail('measures') });
  const practiceId = await createPractice(page, `Measures Clinic ${Date.now()}`);

  await page.getByRole('link', { name: 'Patient records' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Patient records' })).toBeVisible();
  await expect(page.getByText('No patient records yet.')).toBeVisible();
  await expectAxeClean(page, 'patient records (empty)');

  await page.getByLabel('Full name').fill('Araminta Quillsby');
  await page.getByLabel('Date of birth').fill('1981-07-14');
  await page.getByLabel('Practice reference (optional)').fill('MRN-3141');
  await page.getByRole('button', { name: 'Create patient record' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Araminta Quillsby' })).toBeVisible();
  expect(page.url()).toMatch(new RegExp(`/practices/${practiceId}/patients/[0-9a-f-]{36}$`));
  await expectAxeClean(page, 'patient record (no scores)');

  await addPhq9(page, { takenOn: '2026-09-01', items: [3, 3, 2, 2, 2, 2, 2, 2, 2], count: 1 });
  await addPhq9(page, { takenOn: '2026-10-01', total: 9, count: 2 });
  await addPhq9(page, { takenOn: '2026-11-01', items: [1, 1, 1, 0, 0, 0, 0, 0, 0], count: 3 });

  const chart = page.getByRole('img', { name: /^PHQ-9 totals over time/ });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleName(
    'PHQ-9 totals over time, 0 to 27, 3 scores: 2026-09-01: 20 (baseline); 2026-10-01: 9 (response); 2026-11-01: 3 (response, remission). Response: 10 or less (50% below baseline). Remission: below 5.',
  );
  // The thresholds and the marks are words on the chart, not colour alone.
  await expect(
    chart.getByText('Response: 10 or less (50% below baseline)', { exact: true }),
  ).toBeVisible();
  await expect(chart.getByText('Remission: below 5', { exact: true })).toBeVisible();
  await expect(chart.getByText('response, remission', { exact: true })).toBeVisible();
  const table = page.getByRole('table', { name: 'PHQ-9 scores, oldest first' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(
    table.getByRole('row', { name: /2026-11-01 3 −85% response, remission/ }),
  ).toBeVisible();
  await expectAxeClean(page, 'patient record with a PHQ-9 series');

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^scores-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path()) ?? '', 'utf8');
  expect(csv).toContain('Araminta Quillsby,1981-07-14,MRN-3141,PHQ-9,1,2026-09-01,20,,baseline');
  expect(csv).toContain('2026-11-01,3,85,"response, remission"');

  await page.getByRole('button', { name: 'Delete score PHQ-9 of 2026-10-01' }).click();
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByText('2026-10-01')).toHaveCount(0);
  await expect(chart).toHaveAccessibleName(/2026-11-01: 3 \(response, remission\)/);

  await page.getByRole('link', { name: 'Delete this patient record…' }).click();
  await expect(
    page.getByText(/This deletes Araminta Quillsby’s record, all 2 scores and 0 saved screenings/),
  ).toBeVisible();
  await expectAxeClean(page, 'delete confirmation');
  await context.close();
});

test('a screening saved on purpose to a patient record: outcome and PHQ-9, with and without JavaScript', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page, { name: 'Dr Saved Screening', email: uniqueEmail('saved-screening') });
  const practiceId = await createPractice(page, `Saved Screening Clinic ${Date.now()}`);
  await page.goto(`/practices/${practiceId}/patients`);
  await page.getByLabel('Full name').fill('Barnaby Whitlock');
  await page.getByLabel('Date of birth').fill('1975-02-20');
  await page.getByRole('button', { name: 'Create patient record' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Barnaby Whitlock' })).toBeVisible();
  const recordUrl = page.url();
  await expect(page.getByText('No screening saved yet.')).toBeVisible();

  await page.goto(`/practices/${practiceId}/screening`);
  await answerEligible(page, { item9: 1 });
  await page.getByRole('button', { name: 'Screen', exact: true }).click();
  await expect(decision(page)).toContainText('Needs clinician review');
  const save = page.getByRole('region', { name: 'Save to a patient record' });
  await expect(save.getByLabel(/The screening outcome/)).toBeChecked();
  await expect(save.getByLabel('The scores and item answers of the PHQ-9')).toBeChecked();

  // A refusal is shown beside the form, and the answers stay on the page.
  await save.getByLabel(/The screening outcome/).uncheck();
  await save.getByLabel('The scores and item answers of the PHQ-9').uncheck();
  await save.getByLabel('Patient record').selectOption({ label: 'Barnaby Whitlock (1975-02-20)' });
  await save.getByRole('button', { name: 'Save to this record' }).click();
  await expect(save.getByRole('alert')).toContainText(
    'The screening was not saved. Choose what to save',
  );
  await expect(page.locator('#q-age-input')).toHaveValue('35');

  await save.getByLabel(/The screening outcome/).check();
  await save.getByLabel('The scores and item answers of the PHQ-9').check();
  await save.getByRole('button', { name: 'Save to this record' }).click();
  await page.waitForURL((url) => url.pathname === new URL(recordUrl).pathname);
  await expect(page.getByText('Saved the screening outcome and 1 score.')).toBeVisible();
  const saved = page.getByRole('article');
  await expect(saved).toHaveCount(1);
  await expect(saved.locator('[data-decision]')).toHaveText(
    'Needs clinician review before going ahead',
  );
  await expect(saved).toContainText('Urgent: act today');
  // Every finding says why and cites its source.
  await expect(saved.locator('.finding').first()).toContainText('Rule: phq9-item9-positive');
  await expect(saved.locator('.sources li').first()).not.toBeEmpty();
  await expect(
    page.getByRole('table', { name: 'PHQ-9 scores, oldest first' }).getByRole('row'),
  ).toHaveCount(2);
  await expectAxeClean(page, 'patient record with a saved screening');

  // Without JavaScript the server screens the form, and the same save works.
  const noJs = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await context.storageState(),
  });
  const plain = await noJs.newPage();
  await plain.goto(`/practices/${practiceId}/screening`);
  await answerEligible(plain);
  await plain.getByRole('button', { name: 'Screen', exact: true }).click();
  await expect(decision(plain)).toContainText('Eligible for clinician consideration');
  const plainSave = plain.getByRole('region', { name: 'Save to a patient record' });
  await plainSave
    .getByLabel('Patient record')
    .selectOption({ label: 'Barnaby Whitlock (1975-02-20)' });
  await plainSave.getByRole('button', { name: 'Save to this record' }).click();
  await expect(plain.getByText('Saved the screening outcome and 1 score.')).toBeVisible();
  await expect(plain.getByRole('article')).toHaveCount(2);
  await expect(plain.getByRole('article').first().locator('[data-decision]')).toHaveText(
    'Eligible for clinician consideration: no rule raised a concern',
  );
  await noJs.close();

  await page.reload();
  await page
    .getByRole('button', { name: /^Delete this saved screening/ })
    .first()
    .click();
  await expect(page.getByRole('article')).toHaveCount(1);
  await context.close();
});
