import AxeBuilder from '@axe-core/playwright';
import { type Page, expect } from '@playwright/test';

let counter = 0;

/** A unique e-mail address for this run. */
export function uniqueEmail(name: string): string {
  counter += 1;
  return `${name}-${Date.now()}-${counter}@example.org`;
}

/** The password every e2e user gets. */
export const PASSWORD = 'a long e2e test password';

/**
 * Signs up through the form, then logs in on the log-in page sign-up sends
 * everyone to (it does not sign in by itself: that would reveal whether the
 * address was new); ends where the app redirects after log-in.
 */
export async function signUp(
  page: Page,
  { name, email, password = PASSWORD }: { name: string; email: string; password?: string },
) {
  if (!page.url().includes('/signup')) await page.goto('/signup');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await logInAfterSignUp(page, { email, password });
}

/** On the page sign-up lands on (`/login?notice=signed-up`): logs in with the new account. */
export async function logInAfterSignUp(
  page: Page,
  { email, password = PASSWORD }: { email: string; password?: string },
) {
  await page.waitForURL(
    (url) => url.pathname === '/login' && url.searchParams.get('notice') === 'signed-up',
  );
  await expect(
    page.getByText('Log in with the e-mail address and password you just chose'),
  ).toBeVisible();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Logs in through the form. */
export async function logIn(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Creates a practice through the form and returns its id (from the URL it lands on). */
export async function createPractice(page: Page, name: string): Promise<string> {
  await page.goto('/practices/new');
  await page.getByLabel('Practice name').fill(name);
  await page.getByLabel('US state').selectOption('OR');
  await page.getByLabel('Intravenous (IV) ketamine').check();
  await page.getByLabel('Intranasal esketamine (Spravato, REMS)').check();
  await page.getByRole('radio', { name: 'Yes' }).check();
  await page.getByRole('button', { name: 'Create practice' }).click();
  await page.waitForURL(/\/practices\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  return page.url().split('/practices/')[1] ?? '';
}

/**
 * Fails unless axe finds nothing on the page (WCAG 2.1 A/AA and best
 * practice); the message names the page, rule and elements. `soft` records the
 * failure and lets the test go on to the next page.
 */
export async function expectAxeClean(page: Page, label: string, { soft = false } = {}) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const violations = results.violations.map((violation) => ({
    page: label,
    id: violation.id,
    impact: violation.impact,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
  (soft ? expect.soft : expect)(
    violations,
    `${label}: ${JSON.stringify(violations, null, 2)}`,
  ).toEqual([]);
}
