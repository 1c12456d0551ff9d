import { readFile } from 'node:fs/promises';
import { renderGuide } from '@groundwork/pdf';
import { expect, test } from '@playwright/test';
import { pdfText } from '../app/lib/documents/page-image.server';

async function pageCount(bytes: Uint8Array) {
  return (await pdfText(bytes)).pages;
}

test('the guide page offers the PDF in Letter and A4 with the right page count', async ({
  page,
}) => {
  // Four renders of a long document (two here, two on the server) on a shared machine.
  test.setTimeout(300_000);
  await page.goto('/guide');
  await expect(page.getByRole('heading', { level: 1, name: 'Psychedelic Basics' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Contents' }).getByRole('link'),
  ).not.toHaveCount(0);

  for (const paper of ['letter', 'a4'] as const) {
    await page.goto('/guide');
    await page.getByRole('radio', { name: paper === 'letter' ? 'US Letter' : 'A4' }).check();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download PDF' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^psychedelic-basics-guide-.+-${paper}\\.pdf$`),
    );
    const bytes = new Uint8Array(await readFile((await download.path()) ?? ''));
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    // The same guide rendered here, independently of the server, has as many pages.
    const expected = await renderGuide({ paper });
    expect(await pageCount(bytes)).toBe(await pageCount(expected));
  }
});

test('a repeat download revalidates to 304 and pages are kept out of shared caches', async ({
  request,
}) => {
  const first = await request.get('/guide/download?paper=letter');
  expect(first.status()).toBe(200);
  const etag = first.headers().etag ?? '';
  expect(etag).toMatch(/^"/);
  const again = await request.get('/guide/download?paper=letter', {
    headers: { 'If-None-Match': etag },
  });
  expect(again.status()).toBe(304);
  const landing = await request.get('/');
  expect(landing.headers()['cache-control']).toBe('private, no-store');
});

test('the reading version is the whole guide as HTML, loaded or navigated to', async ({
  page,
  request,
}) => {
  const response = await page.goto('/guide/read');
  await expect(page.getByRole('heading', { level: 1, name: 'Psychedelic Basics' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'References' })).toBeVisible();
  await expect(page.getByText('Last clinically reviewed')).toBeVisible();
  // The document carries the guide once: in the markup, not again as loader data.
  const markup = (await response?.text()) ?? '';
  expect(markup.split('id="ref-').length - 1).toBeGreaterThan(0);
  expect(markup.split('Last clinically reviewed').length - 1).toBe(1);
  // Without JavaScript (no Sec-Fetch headers from this client) the markup has it too.
  const plain = await (await request.get('/guide/read')).text();
  expect(plain).toContain('Last clinically reviewed');

  // A client-side navigation (the app hydrated) gets it as loader data.
  await page.goto('/guide');
  await page.waitForFunction(() => '__remixRouter' in window);
  await page.evaluate(() => {
    document.body.dataset.marker = 'client-side';
  });
  await page.getByRole('link', { name: 'Read the guide online' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Psychedelic Basics' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'References' })).toBeVisible();
  expect(await page.evaluate(() => document.body.dataset.marker)).toBe('client-side');
});

test('no word in the online guide is broken inside a table cell, on a phone or a desktop', async ({
  page,
}) => {
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/guide/read');
    await expect(page.locator('.guide-content table').first()).toBeVisible();
    const broken = await page.evaluate(() => {
      const found: string[] = [];
      for (const cell of document.querySelectorAll('.guide-content table :is(th, td)')) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          for (const match of text.matchAll(/[\p{L}\p{N}]{2,}/gu)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            // A word laid out on one line has one box; one split across lines has two or more.
            const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
            if (lines.size > 1) found.push(match[0]);
          }
        }
      }
      return found;
    });
    expect(broken, `words broken across lines at ${width} px`).toEqual([]);
  }
});
