import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { createPractice, signUp, uniqueEmail } from './helpers';

test('the medical director signs a handout off and the handout preview shows the reviewer line', async ({
  page,
}) => {
  await signUp(page, { name: 'Dana Director', email: uniqueEmail('director') });
  const practiceId = await createPractice(page, 'Willow Creek Clinic');
  const preview = page.getByTestId('preview-reviewer-line');

  // Before any sign-off the preview says plainly what review the handout had.
  await page.goto(`/practices/${practiceId}/handouts`);
  await expect(preview).toContainText('Content reviewed by');
  await expect(preview).toContainText(
    'Not yet reviewed by Willow Creek Clinic’s medical director.',
  );

  // Without a named medical director, nobody is offered the sign-off form.
  await page.getByRole('link', { name: /^Medical director review/ }).click();
  await expect(page.getByText('The practice has not named a medical director yet.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Sign off version/ })).toHaveCount(0);

  // The owner names themself medical director in practice settings.
  await page.goto(`/practices/${practiceId}/settings`);
  await page
    .getByRole('combobox', { name: 'Medical director' })
    .selectOption({ label: 'Dana Director (owner)' });
  await page.getByRole('button', { name: 'Save medical director' }).click();
  await expect(page.getByText('Medical director saved.')).toBeVisible();

  // Back to the handout, then its review page: sign off, checking the errors first.
  await page.goto(`/practices/${practiceId}/handouts`);
  await page.getByRole('link', { name: /^Medical director review/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Review:');
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  expect(
    axe.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact ?? '')),
  ).toEqual([]);
  await page.getByRole('button', { name: /^Sign off version/ }).click();
  await expect(page.getByText('Enter your credentials')).toBeVisible();
  await expect(page.getByText('Tick the box to confirm')).toBeVisible();
  await page.getByLabel('Your name as it should print').fill('Dr Dana Director');
  await page.getByLabel('Credentials').fill('MD');
  await page.getByRole('checkbox', { name: /I have reviewed version/ }).check();
  await page.getByRole('button', { name: /^Sign off version/ }).click();
  await expect(page.getByText('Signed off. Documents now print this line.')).toBeVisible();
  await expect(page.getByTestId('reviewer-line')).toContainText(
    'Reviewed for Willow Creek Clinic by Dr Dana Director, MD, medical director, on',
  );

  // The handout preview now carries the sign-off.
  await page.getByRole('link', { name: 'Open the document' }).click();
  await expect(preview).toContainText(
    'Reviewed for Willow Creek Clinic by Dr Dana Director, MD, medical director, on',
  );
  await expect(preview).toContainText('(content reviewed by');
  await expect(preview).not.toContainText('Not yet reviewed');
});
