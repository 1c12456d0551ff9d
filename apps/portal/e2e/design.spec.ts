import { type Browser, type Page, expect, test } from '@playwright/test';
import { createPractice, expectAxeClean, signUp, uniqueEmail } from './helpers';

/**
 * The design system (issue 17, look and feel): every main page fits 320 px
 * without sideways scrolling and is axe-clean at 320 and 1280 px, the tokens
 * reach the elements, keyboard focus shows the ring, buttons in a row have
 * space between them, and the brand-kit form's labels, inputs, contrast
 * messages and typeface menu neither overlap nor clip at 320, 768 and 1280 px.
 */

test.describe.configure({ mode: 'serial' });
// Many pages, two widths each, axe on every one: well past the default minute.
test.setTimeout(300_000);

const WIDTHS = [320, 1280] as const;
const PUBLIC_PAGES = ['/', '/guide', '/guide/read', '/login', '/signup'];

let storageState: Awaited<ReturnType<import('@playwright/test').BrowserContext['storageState']>>;
let practicePages: string[] = [];
let practiceId = '';

async function expectNoHorizontalOverflow(page: Page, label: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  expect.soft(scrollWidth, `${label} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
}

async function signedInPage(browser: Browser, width: number, height = 800) {
  const context = await browser.newContext({ storageState, viewport: { width, height } });
  return { context, page: await context.newPage() };
}

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page, { name: 'Dr Design Owner', email: uniqueEmail('design') });
  practiceId = await createPractice(page, 'Design System Clinic');
  const base = `/practices/${practiceId}`;
  await page.goto(`${base}/patients`);
  await page.getByLabel('Full name').fill('Perpetua Lindqvist');
  await page.getByLabel('Date of birth').fill('1979-03-02');
  await page.getByRole('button', { name: 'Create patient record' }).click();
  await page.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
  const record = new URL(page.url()).pathname;
  practicePages = [
    '/practices',
    base,
    `${base}/checklist`,
    `${base}/checklist/npi-numbers`,
    `${base}/brand`,
    `${base}/handouts`,
    `${base}/forms`,
    `${base}/consent`,
    `${base}/screening`,
    `${base}/rules`,
    `${base}/members`,
    `${base}/settings`,
    `${base}/packets`,
    `${base}/packets/new`,
    `${base}/patients`,
    record,
    '/account',
  ];
  storageState = await context.storageState();
  await context.close();
});

for (const width of WIDTHS) {
  test(`public pages fit ${width} px and are axe-clean`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    for (const path of PUBLIC_PAGES) {
      await page.goto(path);
      await expectNoHorizontalOverflow(page, `${path} at ${width} px`);
      await expectAxeClean(page, `${path} at ${width} px`, { soft: true });
    }
    await context.close();
  });

  test(`signed-in pages fit ${width} px and are axe-clean`, async ({ browser }) => {
    const { context, page } = await signedInPage(browser, width);
    for (const path of practicePages) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoHorizontalOverflow(page, `${path} at ${width} px`);
      await expectAxeClean(page, `${path} at ${width} px`, { soft: true });
    }
    await context.close();
  });
}

test('the tokens reach the page: body type and colour, buttons and cards', async ({ page }) => {
  await page.goto('/guide');
  const styles = await page.evaluate(() => {
    // Resolves a custom property to the computed colour the browser would use.
    const resolve = (property: string, name: string) => {
      const probe = document.createElement('span');
      probe.style.setProperty(property, `var(${name})`);
      document.body.append(probe);
      const value = getComputedStyle(probe).getPropertyValue(property);
      probe.remove();
      return value;
    };
    const root = getComputedStyle(document.documentElement);
    const body = getComputedStyle(document.body);
    const button = document.createElement('button');
    button.textContent = 'Probe';
    const secondary = document.createElement('a');
    secondary.className = 'button secondary';
    secondary.textContent = 'Probe';
    const card = document.createElement('div');
    card.className = 'card';
    document.querySelector('main')?.append(button, secondary, card);
    const buttonStyle = getComputedStyle(button);
    const secondaryStyle = getComputedStyle(secondary);
    const cardStyle = getComputedStyle(card);
    const h1 = getComputedStyle(document.querySelector('h1') as Element);
    const result = {
      accentToken: root.getPropertyValue('--color-accent').trim(),
      textToken: root.getPropertyValue('--color-text').trim(),
      text: resolve('color', '--color-text'),
      accent: resolve('color', '--color-accent'),
      border: resolve('color', '--color-border'),
      radiusLg: root.getPropertyValue('--radius-lg').trim(),
      bodyColour: body.color,
      bodyFontSize: body.fontSize,
      bodyFont: body.fontFamily,
      h1FontSize: h1.fontSize,
      buttonBackground: buttonStyle.backgroundColor,
      buttonColour: buttonStyle.color,
      buttonRadius: buttonStyle.borderTopLeftRadius,
      secondaryBackground: secondaryStyle.backgroundColor,
      secondaryColour: secondaryStyle.color,
      cardBorder: cardStyle.borderTopColor,
      cardRadius: cardStyle.borderTopLeftRadius,
    };
    button.remove();
    secondary.remove();
    card.remove();
    return result;
  });
  expect(styles.accentToken).toBe('#1f5fa6');
  expect(styles.textToken).toBe('#1b2430');
  expect(styles.bodyColour).toBe(styles.text);
  expect(styles.bodyFontSize).toBe('16px');
  expect(styles.bodyFont).toContain('system-ui');
  // --font-size-2xl is 1.875rem.
  expect(styles.h1FontSize).toBe('30px');
  expect(styles.buttonBackground).toBe(styles.accent);
  expect(styles.buttonColour).toBe('rgb(255, 255, 255)');
  expect(styles.buttonRadius).toBe('6px');
  expect(styles.secondaryBackground).toBe('rgb(255, 255, 255)');
  expect(styles.secondaryColour).toBe(styles.accent);
  expect(styles.cardBorder).toBe(styles.border);
  expect(styles.cardRadius).toBe(styles.radiusLg);
});

test('keyboard focus shows the focus ring on links and buttons', async ({ page }) => {
  await page.goto('/login');
  const focusToken = await page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.setProperty('color', 'var(--color-focus)');
    document.body.append(probe);
    const value = getComputedStyle(probe).color;
    probe.remove();
    return value;
  });
  const outlineOfFocused = () =>
    page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      return {
        tag: element.tagName,
        text: element.textContent?.trim() ?? '',
        style: style.outlineStyle,
        width: style.outlineWidth,
        colour: style.outlineColor,
      };
    });
  await page.keyboard.press('Tab');
  const skipLink = await outlineOfFocused();
  expect(skipLink).toEqual({
    tag: 'A',
    text: 'Skip to main content',
    style: 'solid',
    width: '3px',
    colour: focusToken,
  });
  let focused = skipLink;
  for (let step = 0; step < 20 && focused.text !== 'Log in'; step += 1) {
    await page.keyboard.press('Tab');
    focused = await outlineOfFocused();
    if (focused.tag !== 'BUTTON') focused = { ...focused, text: '' };
  }
  expect(focused).toEqual({
    tag: 'BUTTON',
    text: 'Log in',
    style: 'solid',
    width: '3px',
    colour: focusToken,
  });
});

test('buttons in a row have space between them', async ({ browser }) => {
  const { context, page } = await signedInPage(browser, 1280);
  await page.goto(`/practices/${practiceId}/screening`);
  await expect(page.locator('#q-pregnant')).toHaveCount(0);
  const screen = await page.getByRole('button', { name: 'Screen', exact: true }).boundingBox();
  const clear = await page.getByRole('button', { name: 'Clear all answers' }).boundingBox();
  if (!screen || !clear) throw new Error('The screening buttons are not on the page');
  expect(Math.abs(screen.y - clear.y)).toBeLessThan(2);
  expect(clear.x - (screen.x + screen.width)).toBeGreaterThanOrEqual(8);
  await context.close();
});

interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

function overlaps(a: Box, b: Box) {
  const tolerance = 0.5;
  return (
    a.x + a.width > b.x + tolerance &&
    b.x + b.width > a.x + tolerance &&
    a.y + a.height > b.y + tolerance &&
    b.y + b.height > a.y + tolerance
  );
}

for (const width of [320, 768, 1280]) {
  test(`the brand-kit form neither overlaps nor clips at ${width} px`, async ({ browser }) => {
    const { context, page } = await signedInPage(browser, width);
    await page.goto(`/practices/${practiceId}/brand`);
    // A failing colour shows the longest message, with its suggestion button.
    // Typed before hydration the value is not seen by React, so type again until it is.
    await expect(async () => {
      await page.getByLabel('Accent colour').fill('#f2c94c');
      await expect(page.getByRole('button', { name: /^Use #[0-9A-F]{6}$/ })).toBeVisible({
        timeout: 1_000,
      });
    }).toPass();
    const measured = await page.evaluate(() => {
      const box = (name: string, element: Element | null): Box => {
        if (!element) throw new Error(`No ${name} on the brand-kit page`);
        const rect = element.getBoundingClientRect();
        return { name, x: rect.x, y: rect.y, width: rect.width, height: rect.height };
      };
      const fieldset = document.querySelector('#field-typeface')?.closest('fieldset') ?? null;
      const parts = [
        box('primary label', document.querySelector('label[for="field-primaryColor"]')),
        box('primary input', document.querySelector('#field-primaryColor')),
        box('primary value', document.querySelector('#field-primaryColor + code')),
        box('primary contrast', document.querySelector('#field-primaryColor-contrast')),
        box('accent label', document.querySelector('label[for="field-accentColor"]')),
        box('accent input', document.querySelector('#field-accentColor')),
        box('accent value', document.querySelector('#field-accentColor + code')),
        box('accent contrast', document.querySelector('#field-accentColor-contrast')),
        box('typeface label', document.querySelector('label[for="field-typeface"]')),
        box('typeface select', document.querySelector('#field-typeface')),
        box('typeface descriptions', document.querySelector('#field-typeface-hint')),
      ];
      // Text that does not fit its box: the contrast messages and labels.
      const clippedText = [
        ...document.querySelectorAll(
          '#field-primaryColor-contrast, #field-accentColor-contrast, .brand-form label',
        ),
      ]
        .filter((element) => element.scrollWidth > element.clientWidth + 1)
        .map((element) => element.textContent);
      // The select shows its chosen option in full: the longest option fits.
      const select = document.querySelector('#field-typeface') as HTMLSelectElement;
      const style = getComputedStyle(select);
      const context = document.createElement('canvas').getContext('2d');
      if (!context) throw new Error('No canvas');
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const longestOption = Math.max(
        ...[...select.options].map((option) => context.measureText(option.text).width),
      );
      const room =
        select.clientWidth -
        Number.parseFloat(style.paddingLeft) -
        Number.parseFloat(style.paddingRight) -
        // The drop-down arrow.
        20;
      return {
        parts,
        container: box('fieldset', fieldset),
        viewport: document.documentElement.clientWidth,
        clippedText,
        longestOption,
        room,
      };
    });
    for (const [index, a] of measured.parts.entries()) {
      expect(a.width, `${a.name} is visible`).toBeGreaterThan(0);
      expect(a.x, `${a.name} starts inside its fieldset`).toBeGreaterThanOrEqual(
        measured.container.x,
      );
      expect(a.x + a.width, `${a.name} ends inside its fieldset`).toBeLessThanOrEqual(
        measured.container.x + measured.container.width + 0.5,
      );
      expect(a.x + a.width, `${a.name} ends inside the screen`).toBeLessThanOrEqual(
        measured.viewport,
      );
      for (const b of measured.parts.slice(index + 1)) {
        expect(overlaps(a, b), `${a.name} overlaps ${b.name}`).toBe(false);
      }
    }
    expect(measured.clippedText).toEqual([]);
    expect(measured.longestOption).toBeLessThanOrEqual(measured.room);
    await expectNoHorizontalOverflow(page, `brand kit at ${width} px`);
    await context.close();
  });
}
