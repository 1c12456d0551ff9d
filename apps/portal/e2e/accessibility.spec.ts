import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { createPractice, signUp, uniqueEmail } from './helpers';

async function expectNoSeriousViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      page: label,
      id: violation.id,
      impact: violation.impact,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  expect(serious, `${label}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
}

async function expectNoHorizontalScroll(page: Page, label: string) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${label} scrolls sideways at phone width`).toBeLessThanOrEqual(0);
}

const PUBLIC_PAGES = [
  '/',
  '/guide',
  '/guide/read',
  '/signup',
  '/login',
  '/login?notice=signed-up',
  '/forgot-password',
  '/no-such-page',
];

test('public pages have no serious or critical axe violations', async ({ page }) => {
  for (const path of PUBLIC_PAGES) {
    await page.goto(path);
    await expectNoSeriousViolations(page, path);
  }
  // A form showing errors is a page too.
  await page.goto('/signup');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Enter your name.')).toBeVisible();
  await expectNoSeriousViolations(page, '/signup with errors');
});

test('signed-in pages have no serious or critical axe violations', async ({ page }) => {
  await signUp(page, { name: 'Axe Owner', email: uniqueEmail('axe') });
  const practiceId = await createPractice(page, 'Accessible Clinic');
  await createPractice(page, 'Second Accessible Clinic');
  await page.goto(`/practices/${practiceId}/members`);
  await page.getByLabel('E-mail').fill(uniqueEmail('invitee'));
  await page.getByRole('button', { name: 'Send invitation' }).click();
  const link = await page.getByLabel('Invitation link').inputValue();
  await expectNoSeriousViolations(page, 'members after inviting');
  for (const path of [
    '/practices',
    '/practices/new',
    `/practices/${practiceId}`,
    `/practices/${practiceId}/members`,
    `/practices/${practiceId}/settings`,
    `/practices/${practiceId}/audit`,
    `/practices/${practiceId}/documents/review/informed-consent`,
    '/account',
    '/logout',
    '/dev/outbox',
    new URL(link).pathname,
  ]) {
    await page.goto(path);
    await expectNoSeriousViolations(page, path);
  }
});

test('pages fit a phone screen and the skip link reaches the content', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  for (const path of PUBLIC_PAGES) {
    await page.goto(path);
    await expectNoHorizontalScroll(page, path);
  }
  await signUp(page, { name: 'Phone User', email: uniqueEmail('phone') });
  const practiceId = await createPractice(page, 'Phone Clinic');
  for (const path of [
    `/practices/${practiceId}`,
    `/practices/${practiceId}/members`,
    `/practices/${practiceId}/settings`,
    `/practices/${practiceId}/audit`,
    `/practices/${practiceId}/documents/review/preparing-for-your-session`,
  ]) {
    await page.goto(path);
    await expectNoHorizontalScroll(page, path);
  }
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await context.close();
});
