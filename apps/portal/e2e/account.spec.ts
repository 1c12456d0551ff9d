import { expect, test } from '@playwright/test';
import { PASSWORD, createPractice, signUp, uniqueEmail } from './helpers';

test('a forgotten password is reset through the e-mailed link, once', async ({ page }) => {
  const email = uniqueEmail('forgetful');
  await signUp(page, { name: 'Forgetful Person', email });
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/$/);

  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByText('If an account exists for that address')).toBeVisible();

  await page.goto('/dev/outbox');
  const mail = page
    .getByRole('article')
    .filter({ hasText: `To ${email}` })
    .filter({ hasText: 'Reset your Groundwork password' });
  const text = (await mail.locator('pre').textContent()) ?? '';
  const link = /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]{43}/.exec(text)?.[0];
  expect(link).toBeTruthy();

  await page.goto(link ?? '');
  await page.getByLabel('New password').fill('my recovered e2e password');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page).toHaveURL(/\/login\?notice=password-reset$/);
  await expect(page.getByText('Your password was changed')).toBeVisible();

  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText('That e-mail and password do not match an account.')).toBeVisible();
  await page.getByLabel('Password').fill('my recovered e2e password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/practices/);

  const reused = await page.goto(link ?? '');
  expect(reused?.status()).toBe(404);
});

test('an owner changes a member role, the member gains access, and the audit log shows it', async ({
  browser,
  page,
}) => {
  await signUp(page, { name: 'Olivia Owner', email: uniqueEmail('owner') });
  const practiceId = await createPractice(page, 'Role Change Clinic');
  await page.getByRole('link', { name: 'Members' }).click();
  await page.getByLabel('E-mail').fill(uniqueEmail('staff'));
  await page.getByLabel('Role', { exact: true }).selectOption('staff');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  const link = await page.locator('#invite-link').inputValue();

  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await member.goto(link);
  await member.getByRole('link', { name: 'Create an account' }).click();
  await member.waitForURL(/\/signup\?redirectTo=/);
  await signUp(member, { name: 'Sam Staff', email: uniqueEmail('sam') });
  await member.getByRole('button', { name: 'Accept invitation' }).click();
  await member.waitForURL(new RegExp(`/practices/${practiceId}$`));
  const before = await member.goto(`/practices/${practiceId}/screening`);
  expect(before?.status()).toBe(403);

  await page.goto(`/practices/${practiceId}/members`);
  await page.getByLabel('Role of Sam Staff').selectOption('clinician');
  await page.getByRole('button', { name: 'Change role of Sam Staff' }).click();
  await expect(page.getByText('Sam Staff is now clinician.')).toBeVisible();
  // The last owner cannot demote herself.
  await page.getByLabel('Role of Olivia Owner').selectOption('staff');
  await page.getByRole('button', { name: 'Change role of Olivia Owner' }).click();
  await expect(page.getByText('A practice needs at least one owner.')).toBeVisible();

  const after = await member.goto(`/practices/${practiceId}/screening`);
  expect(after?.status()).toBe(200);
  await memberContext.close();

  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(
    page.getByRole('cell', { name: "changed Sam Staff's role from staff to clinician" }),
  ).toBeVisible();
});
