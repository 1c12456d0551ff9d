import { expect, test } from '@playwright/test';

test('the landing page says what Groundwork is', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Groundwork');
  await expect(page.getByText(/Content model version \d+\.\d+\.\d+/)).toBeVisible();
});

test('the strict CSP lets the app hydrate: no violations, client navigation works', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
  // Wait for hydration (Remix sets window.__remixRouter), then mark this
  // document: a client-side navigation keeps the mark, a full reload loses it.
  await page.waitForFunction(() => '__remixRouter' in window);
  await page.evaluate(() => {
    document.body.dataset.marker = 'still-here';
  });
  await page.getByRole('link', { name: 'Guide', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Psychedelic Basics' })).toBeVisible();
  expect(await page.evaluate(() => document.body.dataset.marker)).toBe('still-here');
  expect(violations).toEqual([]);
});
