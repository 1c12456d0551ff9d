import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Page, type Request, expect, test } from '@playwright/test';
import { pdfText } from '../app/lib/documents/page-image.server';
import {
  answerEligible,
  decision,
  expectFinding,
  pick,
  practiceWithTeam,
} from './screening-helpers';

test.describe.configure({ mode: 'serial' });

let team: Awaited<ReturnType<typeof practiceWithTeam>>;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  team = await practiceWithTeam(browser);
});

test.afterAll(async () => {
  for (const page of [team?.owner, team?.clinician, team?.staff]) await page?.context().close();
});

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** Records every request the page makes from now on. */
function recordRequests(page: Page) {
  const requests: Request[] = [];
  const listener = (request: Request) => requests.push(request);
  page.on('request', listener);
  return {
    requests,
    stop: () => page.off('request', listener),
  };
}

async function newScreening(page: Page) {
  await page.goto(`/practices/${team.practiceId}/screening`);
  await expect(page.getByRole('heading', { level: 1, name: 'Screen a patient' })).toBeVisible();
  // Hydrated: the no-JavaScript note is gone and skip logic hides follow-up questions.
  await expect(page.locator('#q-pregnant')).toHaveCount(0);
}

test('screens five patients in the browser without sending any answer to the server', async () => {
  const page = team.clinician;
  await newScreening(page);
  const recorder = recordRequests(page);
  const screenNow = () => page.getByRole('button', { name: 'Screen', exact: true }).click();
  const clear = () => page.getByRole('button', { name: 'Clear all answers' }).click();

  // 1. Eligible.
  await answerEligible(page);
  await expect(page.getByTestId('score-phq9')).toHaveText('PHQ-9: Score 12 (moderate)');
  await screenNow();
  await expect(decision(page)).toContainText('Eligible for clinician consideration');
  await expect(page.locator('.findings li')).toHaveCount(0);
  await expect(page.getByText('licensed clinician reviews the answers and decides')).toBeVisible();
  await expect(page.getByTestId('ruleset-used')).toContainText(
    'ketamine-default 1.2.0 (default, not customised)',
  );
  await expectAccessible(page);

  // 2. Pregnant: the pregnancy questions appear only once the sex at birth allows them.
  await clear();
  await answerEligible(page);
  await pick(page, 'sexAssignedAtBirth', 'female');
  await pick(page, 'pregnant', 'yes');
  await pick(page, 'breastfeeding', 'no');
  await screenNow();
  await expect(decision(page)).toContainText('Ineligible under these rules');
  await expectFinding(page, 'pregnancy');
  const pregnancy = page.locator('.findings [data-rule-id="pregnancy"]');
  await pregnancy.getByText(/Sources/).click();
  await expect(
    pregnancy.getByText(/Spravato \(esketamine\) nasal spray, CIII\. Prescribing information/),
  ).toBeVisible();

  // 3. Blood pressure 165/100 today.
  await clear();
  await answerEligible(page);
  await page.locator('#q-bloodPressureToday-systolic').fill('165');
  await page.locator('#q-bloodPressureToday-diastolic').fill('100');
  await screenNow();
  await expect(decision(page)).toContainText('Defer: not today');
  await expectFinding(page, 'bp-above-threshold');
  await expect(page.locator('[data-rule-id="bp-above-threshold"]')).toContainText(
    'above 140/90 mmHg',
  );
  // The facts behind the finding use the question's words, never field names.
  const bpFacts = page.locator('[data-rule-id="bp-above-threshold"] .facts');
  await expect(bpFacts).toContainText(
    'Patient’s blood pressure today, seated, before dosing (systolic): 165',
  );
  await expect(bpFacts).not.toContainText('bloodPressureToday');

  // 4. PHQ-9 item 9 positive: urgent review.
  await clear();
  await answerEligible(page, { item9: 1 });
  await screenNow();
  await expect(decision(page)).toContainText('Needs clinician review');
  await expectFinding(page, 'phq9-item9-positive');
  await expect(page.getByRole('alert').filter({ hasText: 'Urgent: act today' })).toBeVisible();
  await expect(page.locator('.scores')).toContainText(
    'item 9 (thoughts of death or self-harm) above 0',
  );

  // 5. Incomplete: missing questions link back to the form.
  await clear();
  await page.locator('#q-age-input').fill('35');
  await screenNow();
  await expect(decision(page)).toContainText('Incomplete');
  const missing = page.getByTestId('missing');
  await expect(
    missing.getByRole('link', { name: 'What sex was the patient assigned at birth?' }),
  ).toBeVisible();
  await expect(
    missing.getByRole('link', { name: 'How old is the patient, in whole years?' }),
  ).toHaveCount(0);
  await missing
    .getByRole('link', { name: 'Has the patient been diagnosed with bipolar disorder?' })
    .click();
  await expect(page).toHaveURL(/#q-bipolarDisorder$/);
  await expect(page.locator('#q-bipolarDisorder')).toBeInViewport();

  recorder.stop();
  const posts = recorder.requests.filter((request) => request.method() !== 'GET');
  expect(posts.map((request) => `${request.method()} ${request.url()}`)).toEqual([]);
  for (const request of recorder.requests) {
    expect(request.url()).not.toMatch(/165|q\.|phq9|answers/);
    expect(request.postData()).toBeNull();
  }
});

test('switches the questions to Spanish and keeps the answers', async () => {
  const page = team.clinician;
  await newScreening(page);
  await page.locator('#q-age-input').fill('41');
  await page.getByRole('link', { name: 'Español' }).click();
  await expect(page.locator('#q-age legend')).toContainText(
    '¿Qué edad tiene el paciente, en años cumplidos?',
  );
  await expect(page.locator('#q-age-input')).toHaveValue('41');
  await expect(page.getByText('formulario oficial del PHQ-9', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Evaluar' }).click();
  await expect(decision(page)).toContainText('Incompleto');
});

test('downloads a PDF summary and a FHIR QuestionnaireResponse made in the browser', async () => {
  const page = team.clinician;
  // The PDF code is loaded on demand and files are handed over as blobs: the strict CSP must allow both.
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      cspViolations.push(message.text());
    }
  });
  await newScreening(page);
  await answerEligible(page);
  await page.locator('#q-bloodPressureToday-systolic').fill('165');
  await page.locator('#q-bloodPressureToday-diastolic').fill('100');
  const recorder = recordRequests(page);
  await page.getByRole('button', { name: 'Screen', exact: true }).click();

  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PDF summary' }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toMatch(/^screening-\d{12}\.pdf$/);
  const bytes = readFileSync(await pdf.path());
  const { text } = await pdfText(new Uint8Array(bytes));
  expect(text.replace(/\s+/g, ' ')).toContain('defer: not today');
  expect(text).toContain('Screening E2E Clinic');
  // The ruleset is named once, not once per page or finding.
  expect(text.match(/ketamine-default 1\.2\.0/g)).toHaveLength(1);

  const fhirDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'FHIR QuestionnaireResponse (JSON)' }).click();
  const fhir = JSON.parse(readFileSync(await (await fhirDownload).path(), 'utf8')) as {
    resourceType: string;
    status: string;
    item: { linkId: string; item?: { linkId: string; answer: { valueInteger: number }[] }[] }[];
  };
  expect(fhir.resourceType).toBe('QuestionnaireResponse');
  expect(fhir.status).toBe('completed');
  const bp = fhir.item.find((item) => item.linkId === 'bloodPressureToday');
  expect(bp?.item?.[0]?.answer[0]?.valueInteger).toBe(165);

  recorder.stop();
  // The PDF code is fetched as a script (GET); no answer goes anywhere.
  expect(recorder.requests.filter((request) => request.method() !== 'GET')).toEqual([]);
  expect(cspViolations).toEqual([]);
});

test('without JavaScript, every question shows and the server screens the form', async ({
  browser,
}) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await team.clinician.context().storageState(),
  });
  const page = await context.newPage();
  await page.goto(`/practices/${team.practiceId}/screening`);
  await expect(page.getByText('Without JavaScript, every question is shown')).toBeVisible();
  await expect(page.locator('#q-pregnant')).toBeVisible();
  await expect(page.locator('#q-pregnant')).toContainText(
    'Answer only if the answer to “What sex was the patient assigned at birth?” was one of: Female, Intersex, The patient prefers not to say.',
  );
  await answerEligible(page);
  await pick(page, 'sexAssignedAtBirth', 'female');
  await pick(page, 'pregnant', 'yes');
  await pick(page, 'breastfeeding', 'no');
  const response = page.waitForResponse((r) => r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Screen', exact: true }).click();
  expect((await response).headers()['cache-control']).toBe('no-store');
  await expect(decision(page)).toContainText('Ineligible under these rules');
  await expectFinding(page, 'pregnancy');
  await expect(page.locator('#q-age-input')).toHaveValue('35');
  // (axe needs JavaScript in the page, so it runs on the other tests' pages.)
  await context.close();
});

test('an owner raises the blood-pressure threshold and the clinician sees the new behaviour', async () => {
  const owner = team.owner;
  await owner.goto(`/practices/${team.practiceId}/rules`);
  await expect(owner.getByTestId('rules-version')).toHaveText('ketamine-default 1.2.0');
  await expectAccessible(owner);
  const row = owner.locator('#rule-bp-above-threshold');
  await row.getByText('Change this rule').click();
  // A reason is required (the browser asks first; the server refuses without one too).
  await expect(row.getByLabel(/^Why/)).toHaveAttribute('required', '');
  await row.getByLabel('systolicMax').fill('170');
  await row.getByLabel('diastolicMax').fill('105');
  await row
    .getByLabel(/^Why/)
    .fill('Our anaesthetist monitors every session; we defer above 170/105.');
  await row.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(owner.getByRole('status')).toContainText('Saved as practice version 1');
  await expect(owner.getByTestId('parameters-bp-above-threshold')).toContainText(
    'systolicMax: 170',
  );
  await expect(owner.getByTestId('audit')).toContainText('Olivia Owner');
  await expect(owner.getByTestId('audit')).toContainText('systolicMax 140 → 170');

  const page = team.clinician;
  await newScreening(page);
  await expect(page.getByTestId('ruleset-version')).toContainText('(practice version 1)');
  await answerEligible(page);
  await page.locator('#q-bloodPressureToday-systolic').fill('165');
  await page.locator('#q-bloodPressureToday-diastolic').fill('100');
  await page.getByRole('button', { name: 'Screen', exact: true }).click();
  await expect(decision(page)).toContainText('Eligible for clinician consideration');
  await expect(page.getByTestId('ruleset-used')).toContainText('practice version 1');
  await page.locator('#q-bloodPressureToday-systolic').fill('175');
  await expect(decision(page)).toContainText('Defer: not today');
  await expect(page.locator('[data-rule-id="bp-above-threshold"]')).toContainText(
    'above 170/105 mmHg',
  );
});

test('a staff member sees the rules but cannot change them, and cannot screen', async () => {
  const staff = team.staff;
  await staff.goto(`/practices/${team.practiceId}/rules`);
  await expect(staff.getByText("Only the practice's owners can change these rules.")).toBeVisible();
  await expect(staff.getByText('Change this rule')).toHaveCount(0);
  await expectAccessible(staff);
  const origin = new URL(staff.url()).origin;
  const forged = await staff.request.post(`/practices/${team.practiceId}/rules`, {
    headers: { Origin: origin },
    form: {
      ruleId: 'bp-above-threshold',
      basedOnRevision: '1',
      severity: 'info',
      'param.systolicMax': '300',
      'param.diastolicMax': '200',
      enabled: 'on',
      reason: 'Trying to change a rule as staff.',
    },
  });
  expect(forged.status()).toBe(403);
  await staff.reload();
  await expect(staff.getByTestId('parameters-bp-above-threshold')).toContainText(
    'systolicMax: 170',
  );

  const screening = await staff.goto(`/practices/${team.practiceId}/screening`);
  expect(screening?.status()).toBe(403);
  await expect(staff.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
});
