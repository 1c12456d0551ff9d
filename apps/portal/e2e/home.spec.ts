import { expect, test } from '@playwright/test';

test('the landing page says what Groundwork is', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Groundwork');
  await expect(page.getByText(/Content model version \d+\.\d+\.\d+/)).toBeVisible();
});
