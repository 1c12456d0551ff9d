import { expect, test } from '@playwright/test';
import { PASSWORD, createPractice, signUp, uniqueEmail } from './helpers';

test('sign up, create a practice, invite a clinician who accepts, switch practice, log out and in', async ({
  browser,
  page,
}) => {
  const ownerEmail = uniqueEmail('owner');
  await signUp(page, { name: 'Olivia Owner', email: ownerEmail });
  await expect(page).toHaveURL(/\/practices\/new$/);
  const practiceId = await createPractice(page, 'Cedar Wellness');
  await expect(page.getByText('Intranasal esketamine (Spravato, REMS)')).toBeVisible();

  // Invite a clinician; the link is shown to copy and e-mailed to the outbox.
  const inviteeEmail = uniqueEmail('clinician');
  await page.getByRole('link', { name: 'Members' }).click();
  await page.getByLabel('E-mail').fill(inviteeEmail);
  await page.getByLabel('Role', { exact: true }).selectOption('clinician');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  const link = await page.getByLabel('Invitation link').inputValue();
  expect(link).toMatch(/\/invites\/[A-Za-z0-9_-]{43}$/);
  await page.goto('/dev/outbox');
  await expect(page.getByText(`To ${inviteeEmail}`)).toBeVisible();
  await expect(page.getByText(link)).toBeVisible();

  // The invitee opens the link in another browser, signs up and accepts.
  const other = await browser.newContext();
  const invitee = await other.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole('heading', { name: 'Join Cedar Wellness' })).toBeVisible();
  await invitee.getByRole('link', { name: 'Create an account' }).click();
  await invitee.waitForURL(/\/signup\?redirectTo=/);
  await signUp(invitee, { name: 'Carl Clinician', email: inviteeEmail });
  await expect(invitee).toHaveURL(/\/invites\//);
  await invitee.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(invitee).toHaveURL(new RegExp(`/practices/${practiceId}$`));
  await expect(invitee.getByText('you are clinician')).toBeVisible();
  // A clinician may not edit the practice profile.
  const settings = await invitee.goto(`/practices/${practiceId}/settings`);
  expect(settings?.status()).toBe(403);
  // The link works once.
  const reused = await invitee.goto(link);
  expect(reused?.status()).toBe(404);
  await other.close();

  // The owner sees the new member.
  await page.goto(`/practices/${practiceId}/members`);
  await expect(page.getByRole('cell', { name: inviteeEmail })).toBeVisible();
  // The sole owner is not offered "Leave practice", and is told why.
  await expect(page.getByRole('button', { name: 'Leave practice' })).toHaveCount(0);
  await expect(page.getByText('You are the only owner')).toBeVisible();
  // Clinicians see patient details by their role; staff only when given the right.
  const carl = page.getByRole('row').filter({ hasText: inviteeEmail });
  await expect(carl.getByText('Yes (by role)')).toBeVisible();
  await page.getByLabel('Role of Carl Clinician').selectOption('staff');
  await page.getByRole('button', { name: 'Change role of Carl Clinician' }).click();
  await expect(page.getByText('Carl Clinician is now staff.')).toBeVisible();
  await page.getByRole('button', { name: 'Allow patient details for Carl Clinician' }).click();
  await expect(page.getByText('Carl Clinician may see patient details.')).toBeVisible();
  await page.getByRole('button', { name: 'Take away patient details for Carl Clinician' }).click();
  await expect(page.getByText('Carl Clinician no longer sees patient details.')).toBeVisible();
  await page.goto(`/practices/${practiceId}/audit`);
  await expect(
    page.getByText("took away Carl Clinician's right to see patient details"),
  ).toBeVisible();

  // A second practice, then switch back with the header switcher.
  const secondId = await createPractice(page, 'Birch Clinic');
  expect(secondId).not.toBe(practiceId);
  await page.getByLabel('Current practice').selectOption({ label: 'Cedar Wellness' });
  await page.getByRole('button', { name: 'Switch', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/practices/${practiceId}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Cedar Wellness' })).toBeVisible();

  // Log out, and the practice is no longer reachable; log in again.
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto(`/practices/${practiceId}`);
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  await page.getByLabel('E-mail').fill(ownerEmail);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(new RegExp(`/practices/${practiceId}$`));
});

test('forms work without JavaScript and show errors beside the fields', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/signup');
  await page.getByLabel('Your name').fill('No Script');
  await page.getByLabel('E-mail').fill('not-an-email');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Enter an e-mail address like name@example.org.')).toBeVisible();
  await expect(page.getByText('Use at least 12 characters.')).toBeVisible();
  await expect(page.getByLabel('Your name')).toHaveValue('No Script');
  await expect(page.getByLabel('E-mail')).toHaveValue('not-an-email');
  await expect(page.getByLabel('Password')).toHaveValue('');
  await expect(page.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true');

  await signUp(page, { name: 'No Script', email: uniqueEmail('noscript') });
  const id = await createPractice(page, 'Plain HTML Practice');
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  await context.close();
});

test('a cross-site form post is refused', async ({ request, baseURL }) => {
  const response = await request.post(`${baseURL}/login`, {
    form: { email: 'a@example.org', password: 'whatever password' },
    headers: { Origin: 'https://evil.example' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
});

test('signing up with a known address answers as for a new one and e-mails the owner', async ({
  page,
}) => {
  const email = uniqueEmail('known');
  await signUp(page, { name: 'Known Person', email });
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/$/);

  await page.goto('/signup');
  await page.getByLabel('Your name').fill('Someone Else');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('a different long password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/login\?notice=signed-up/);
  await expect(page.getByText('If that address already had an account')).toBeVisible();

  await page.goto('/dev/outbox');
  const mail = page.getByRole('article').filter({ hasText: `To ${email}` });
  await expect(mail.getByRole('heading')).toHaveText([
    'Someone tried to create a Groundwork account with your address',
    'Welcome to Groundwork',
  ]);
});
