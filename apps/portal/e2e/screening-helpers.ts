import { type Browser, type Page, expect } from '@playwright/test';
import { createPractice, signUp, uniqueEmail } from './helpers';

/** Helpers for the screening e2e tests: a practice with an owner, a clinician and a staff member. */

async function invite(owner: Page, practiceId: string, role: 'clinician' | 'staff') {
  await owner.goto(`/practices/${practiceId}/members`);
  await owner.getByLabel('E-mail').fill(uniqueEmail(role));
  await owner.getByLabel('Role', { exact: true }).selectOption(role);
  await owner.getByRole('button', { name: 'Send invitation' }).click();
  return owner.locator('#invite-link').inputValue();
}

async function join(browser: Browser, link: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.waitForURL(/\/signup\?redirectTo=/);
  await signUp(page, { name, email: uniqueEmail(name.toLowerCase().replace(/\W+/g, '-')) });
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await page.waitForURL(/\/practices\/[0-9a-f-]{36}$/);
  return page;
}

/** Signs up an owner, creates a practice, and brings in a clinician and a staff member. */
export async function practiceWithTeam(browser: Browser) {
  const owner = await (await browser.newContext()).newPage();
  await signUp(owner, { name: 'Olivia Owner', email: uniqueEmail('owner') });
  const practiceId = await createPractice(owner, 'Screening E2E Clinic');
  const clinicianLink = await invite(owner, practiceId, 'clinician');
  const staffLink = await invite(owner, practiceId, 'staff');
  const clinician = await join(browser, clinicianLink, 'Carla Clinician');
  const staff = await join(browser, staffLink, 'Sam Staff');
  return { practiceId, owner, clinician, staff };
}

/** Checks the radio or checkbox `#q-<question>-<value>`. */
export async function pick(page: Page, question: string, value: string) {
  await page.locator(`#q-${question}-${value}`).check();
}

/** Answers every required question so that no default rule fires (PHQ-9 total 12, item 9 = 0). */
export async function answerEligible(page: Page, { item9 = 0 } = {}) {
  await page.locator('#q-age-input').fill('35');
  await pick(page, 'sexAssignedAtBirth', 'male');
  for (const question of [
    'psychoticDisorder',
    'pastPsychoticEpisode',
    'bipolarDisorder',
    'hypertension',
    'raisedIntracranialPressure',
    'recentHeadInjury',
    'heartDisease',
    'cardiacEventOrStroke',
    'seizureDisorder',
    'glaucoma',
    'hyperthyroidism',
    'liverDisease',
    'kidneyDisease',
    'bladderProblems',
    'substanceUseDisorder',
    'ketamineMisuse',
    'ketamineHypersensitivity',
    'intoxicatedToday',
  ]) {
    await pick(page, question, 'no');
  }
  await pick(page, 'vascularConditions', 'none');
  await pick(page, 'breathingConditions', 'none');
  await pick(page, 'interactingMedicines', 'none');
  await page.locator('#q-bloodPressureToday-systolic').fill('122');
  await page.locator('#q-bloodPressureToday-diastolic').fill('78');
  await page.locator('#q-restingSpo2-input').fill('98');
  for (const [index, score] of [2, 2, 2, 2, 1, 1, 1, 1, item9].entries()) {
    await page.locator(`#q-phq9-item${index + 1}-${score}`).check();
  }
  await pick(page, 'suicideRiskLevel', 'low');
  await pick(page, 'capacityToConsent', 'yes');
  await page.locator('#q-adequateTrials-input').fill('2');
}

/** The decision shown in the result panel. */
export function decision(page: Page) {
  return page.getByTestId('decision');
}

/** Fails unless the result panel lists a finding of `ruleId`. */
export async function expectFinding(page: Page, ruleId: string) {
  await expect(page.locator(`.findings [data-rule-id="${ruleId}"]`)).toBeVisible();
}
