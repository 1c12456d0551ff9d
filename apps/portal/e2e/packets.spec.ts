import { readFileSync } from 'node:fs';
import { type Browser, type Page, expect, test } from '@playwright/test';
import { testCertificate, testPkcs12, testRsaKey } from '../app/test/certificates';
import { createPractice, expectAxeClean, signUp, uniqueEmail } from './helpers';

/**
 * A patient packet from sending to the sealed PDF, with the patient on a
 * phone: once with touch and a drawn signature, once with the keyboard only
 * (and the typed signature). Every page of the patient's is axe-clean.
 */

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function expectNoHorizontalScroll(page: Page, label: string) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${label} scrolls sideways at phone width`).toBeLessThanOrEqual(0);
}

/** Signs up an owner, creates a practice and sends a packet; returns the patient's link. */
async function sendPacket(page: Page, patientName: string) {
  await signUp(page, { name: 'Dr Packet Owner', email: uniqueEmail('packets') });
  const practiceId = await createPractice(page, `Packet Clinic ${Date.now()}`);
  await page.goto(`/practices/${practiceId}/packets/new`);
  await expectAxeClean(page, 'new packet');
  await page.getByLabel('Full name').fill(patientName);
  await page.getByLabel('E-mail address').fill(uniqueEmail('patient'));
  await page.getByLabel('Date of birth').fill('1984-02-29');
  await page.getByLabel('What happens during a session').check();
  await page.getByRole('button', { name: 'Send packet' }).click();
  await expect(page.getByRole('heading', { name: 'Packet sent' })).toBeVisible();
  await expect(page.getByText('The patient was e-mailed their link.')).toBeVisible();
  await expect(page.getByRole('img', { name: 'QR code of the patient’s link' })).toBeVisible();
  await expectAxeClean(page, 'packet sent');
  const link = await page.getByRole('textbox', { name: 'Link' }).inputValue();
  await page.getByRole('link', { name: 'Open the packet page' }).click();
  await expect(page.getByRole('heading', { name: 'Patient packet' })).toBeVisible();
  return { practiceId, link, packetUrl: page.url() };
}

async function phone(browser: Browser) {
  const context = await browser.newContext({ ...PHONE, acceptDownloads: true });
  return { context, page: await context.newPage() };
}

test('a packet on a phone, signed with a finger, countersigned and sealed', async ({
  page,
  browser,
}) => {
  const { link, packetUrl } = await sendPacket(page, 'Rosalind Achterberg');
  const patient = await phone(browser);
  const p = patient.page;

  await p.goto(link);
  await expect(p.getByRole('heading', { name: 'Confirm it is you' })).toBeVisible();
  await expectAxeClean(p, 'date of birth');
  await expectNoHorizontalScroll(p, 'date of birth');
  await p.getByLabel('Date of birth').fill('1984-03-01');
  await p.getByRole('button', { name: 'Continue' }).click();
  await expect(p.getByText('4 tries left')).toBeVisible();
  await expectAxeClean(p, 'wrong date of birth');
  await p.getByLabel('Date of birth').fill('1984-02-29');
  await p.getByRole('button', { name: 'Continue' }).click();

  await expect(p.getByRole('heading', { name: 'Read and sign' })).toBeVisible();
  await expectAxeClean(p, 'document list');
  await p.getByRole('link', { name: /What happens during a session/ }).tap();
  await expect(
    p.getByRole('heading', { level: 1, name: 'What happens during a session' }),
  ).toBeVisible();
  await expectAxeClean(p, 'handout');
  await expectNoHorizontalScroll(p, 'handout');
  await p.getByRole('link', { name: 'Next' }).tap();

  await expect(
    p.getByRole('heading', { name: 'Step 1: read and initial each section' }),
  ).toBeVisible();
  await p.getByRole('button', { name: 'Sign' }).tap();
  await expect(p.getByText('Please correct the fields marked below.')).toBeVisible();
  await expectAxeClean(p, 'consent with errors');
  for (const box of await p.getByLabel(/^Initials for/).all()) await box.fill('RA');
  await p.getByLabel('I agree to sign electronically').check();
  await p.getByLabel('Your full name').fill('Rosalind Achterberg');
  await p.getByLabel('Draw my signature').check();
  const pad = p.getByRole('img', { name: 'Draw your signature' });
  await expect(pad).toBeVisible();
  await expectAxeClean(p, 'consent, drawing');
  await expectNoHorizontalScroll(p, 'consent');
  const box = await pad.boundingBox();
  if (!box) throw new Error('no signature pad');
  // A finger stroke across the box, as touch pointer events.
  const at = (step: number) => ({
    clientX: box.x + 20 + step * 20,
    clientY: box.y + box.height * (step % 2 ? 0.3 : 0.7),
    pointerId: 7,
    pointerType: 'touch',
    isPrimary: true,
    bubbles: true,
  });
  await pad.dispatchEvent('pointerdown', at(0));
  for (let step = 1; step <= 12; step += 1) await pad.dispatchEvent('pointermove', at(step));
  await pad.dispatchEvent('pointerup', at(12));
  await p.getByRole('button', { name: 'Sign' }).tap();

  await expect(p.getByText('Thank you: you have read and signed everything.')).toBeVisible();
  await expectAxeClean(p, 'done');
  const [download] = await Promise.all([
    p.waitForEvent('download'),
    p.getByRole('link', { name: 'Download what you signed (PDF)' }).tap(),
  ]);
  const signedPdf = readFileSync(await download.path());
  expect(signedPdf.subarray(0, 5).toString()).toBe('%PDF-');
  await patient.context.close();

  // Used: a fresh browser cannot open the link again.
  const again = await phone(browser);
  await again.page.goto(link);
  await expect(again.page.getByText('You have already signed these documents')).toBeVisible();
  await again.context.close();

  await page.goto(packetUrl);
  await expect(page.getByRole('cell', { name: 'Signed', exact: true })).toBeVisible();
  await page.getByLabel('I agree to sign electronically').check();
  await page.getByRole('button', { name: 'Countersign' }).click();
  await expect(page.getByText('Countersigned.')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Countersigned', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Sealed PDF made' })).toBeVisible();
  await expectAxeClean(page, 'packet page, sealed');
  const [sealed] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download the signed consent (PDF)' }).click(),
  ]);
  const sealedPdf = readFileSync(await sealed.path()).toString('latin1');
  expect(sealedPdf).toContain('/adbe.pkcs7.detached');
  expect(sealed.suggestedFilename()).toMatch(/^sealed-consent-/);
});

test('a packet signed with the keyboard only, in Spanish', async ({ page, browser }) => {
  await signUp(page, { name: 'Dr Keyboard Owner', email: uniqueEmail('keys') });
  const practiceId = await createPractice(page, `Teclado Clinic ${Date.now()}`);
  await page.goto(`/practices/${practiceId}/packets/new`);
  await page.getByLabel('Full name').fill('Inés Carrasco');
  await page.getByLabel('E-mail address').fill(uniqueEmail('ines'));
  await page.getByLabel('Date of birth').fill('1979-11-05');
  await page.getByLabel('Language').selectOption('es');
  await page.getByRole('button', { name: 'Send packet' }).click();
  const link = await page.getByRole('textbox', { name: 'Link' }).inputValue();

  const patient = await phone(browser);
  const p = patient.page;
  const k = p.keyboard;
  await p.goto(link);
  await expect(p.locator('[lang="es"]').first()).toBeVisible();
  await expect(p.getByRole('heading', { name: 'Confirme que es usted' })).toBeVisible();
  await expectAxeClean(p, 'fecha de nacimiento');
  await p.getByLabel('Fecha de nacimiento').focus();
  // Chromium's date field takes the digits in the page's order.
  await p.getByLabel('Fecha de nacimiento').fill('1979-11-05');
  await k.press('Enter');
  await expect(p.getByRole('heading', { name: 'Leer y firmar' })).toBeVisible();
  await p.getByRole('link', { name: /^Leer, poner iniciales y firmar/ }).focus();
  await k.press('Enter');
  await expect(
    p.getByRole('heading', { name: 'Paso 1: lea cada sección y ponga sus iniciales' }),
  ).toBeVisible();
  await expectAxeClean(p, 'consentimiento');
  for (const initials of await p.getByLabel(/^Iniciales para/).all()) {
    await initials.focus();
    await k.type('IC');
  }
  await p.getByLabel('Acepto firmar electrónicamente').focus();
  await k.press('Space');
  await k.press('Tab');
  await expect(p.getByLabel('Su nombre completo')).toBeFocused();
  await k.type('Inés Carrasco');
  await expect(p.getByLabel('Usar mi nombre escrito como firma')).toBeChecked();
  await expect(p.locator('.typed-signature')).toHaveText('Inés Carrasco');
  await p.getByRole('button', { name: 'Firmar' }).focus();
  await k.press('Enter');
  await expect(p.getByText('Gracias: ya leyó y firmó todo.')).toBeVisible();
  await expectAxeClean(p, 'terminado');
  await patient.context.close();
});

test('an owner uploads the practice’s own sealing certificate and goes back', async ({ page }) => {
  await signUp(page, { name: 'Dr Seal Owner', email: uniqueEmail('seal') });
  const practiceId = await createPractice(page, `Seal Clinic ${Date.now()}`);
  await page.goto(`/practices/${practiceId}/packets`);
  await page.getByRole('link', { name: 'See the sealing certificate or upload your own' }).click();
  await expect(page.getByRole('heading', { name: 'Document seal' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Active: generated certificate' })).toBeVisible();
  await expectAxeClean(page, 'document seal');

  // A file that is not a certificate: the message names the field, beside it.
  await page.getByLabel('Certificate file').setInputFiles({
    name: 'notes.p12',
    mimeType: 'application/x-pkcs12',
    buffer: Buffer.from('not a certificate'),
  });
  await page.getByLabel('Passphrase').fill('anything');
  await page.getByRole('button', { name: 'Upload certificate' }).click();
  await expect(page.getByText('Certificate file: this is not a PKCS#12')).toBeVisible();
  await expect(page.getByLabel('Certificate file')).toHaveAttribute('aria-invalid', 'true');
  await expectAxeClean(page, 'document seal, refused upload');

  const key = testRsaKey();
  const p12 = testPkcs12({
    keys: [key],
    certificates: [testCertificate({ key, commonName: 'E2E Practice Seal' })],
    passphrase: 'e2e passphrase',
  });
  await page.getByLabel('Certificate file').setInputFiles({
    name: 'seal.p12',
    mimeType: 'application/x-pkcs12',
    buffer: Buffer.from(p12),
  });
  await page.getByLabel('Passphrase').fill('e2e passphrase');
  await page.getByRole('button', { name: 'Upload certificate' }).click();
  await expect(page.getByText('Your certificate is uploaded. New seals use it.')).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Active: your practice’s certificate' }),
  ).toBeVisible();
  await expect(page.getByText('CN=E2E Practice Seal, O=Test Practice').first()).toBeVisible();
  await expectAxeClean(page, 'document seal, own certificate');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page, 'document seal');

  await page.getByRole('button', { name: 'Go back to the generated certificate' }).click();
  await expect(page.getByRole('heading', { name: 'Active: generated certificate' })).toBeVisible();
});
