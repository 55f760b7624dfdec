/**
 * What a resident does: find Trafford, read its profile, follow its recycling rate, compare it with
 * similar councils and take the table away as CSV; and the same start with the keyboard only.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from './support/chromium.ts';
import type { PageWindow } from './support/dom.ts';

const RECYCLING = 'Household waste sent for reuse, recycling or composting';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser(inject('baseUrl'));
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  page = await browser.newPage();
});
afterEach(async () => {
  await page?.close();
});

describe('search → area profile → indicator → compare → download', () => {
  it('finds Trafford, follows its recycling rate, compares it with its nearest neighbours and downloads the CSV', async () => {
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Search for a place, ward, council or GSS code' }).fill('Trafford');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Trafford');

    await page.getByRole('list', { name: 'Places' }).getByRole('link', { name: 'Trafford', exact: true }).click();
    await page.waitForURL(/\/areas\/E08000009$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Trafford');

    await page.getByRole('link', { name: RECYCLING, exact: true }).click();
    await page.waitForURL(/\/indicators\/NI192(\?|$)/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(RECYCLING);

    // The indicator page has no Compare link for an area, so the comparison starts from Trafford's profile.
    await page.goBack();
    await page.getByRole('link', { name: `Compare ${RECYCLING}` }).click();
    await page.waitForURL('**/compare?**');
    await page.getByRole('radio', { name: /nearest neighbours/i }).check();
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.waitForURL(/group=nearest/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Trafford compared with/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('link', { name: /Download this table \(CSV\)/ })
        .first()
        .click(),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.replace(/^\uFEFF/, '')).toMatch(/^rank,area_code,area,/);
    expect(csv).toContain('E08000009');
  });
});

describe('keyboard only', () => {
  const focused = (p: Page) =>
    p.evaluate(() => {
      const el = (globalThis as unknown as PageWindow).document.activeElement;
      return { tag: el?.tagName.toLowerCase(), id: el?.id, text: el?.textContent?.trim(), href: el?.getAttribute('href') };
    });

  /** Presses Tab until the predicate holds (or gives up), returning how many presses it took. */
  async function tabUntil(p: Page, holds: (f: Awaited<ReturnType<typeof focused>>) => boolean, most = 60): Promise<number> {
    for (let presses = 1; presses <= most; presses++) {
      await p.keyboard.press('Tab');
      if (holds(await focused(p))) return presses;
    }
    throw new Error(`Nothing matching was reached in ${most} presses of Tab; focus is on ${JSON.stringify(await focused(p))}`);
  }

  it('skips to the content, searches and opens a result without a mouse', async () => {
    await page.goto('/');

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    expect(await focused(page)).toMatchObject({ text: 'Skip to main content', href: '#main-content' });
    const box = await skip.boundingBox();
    expect(box, 'the skip link is visible when focused').not.toBeNull();
    expect(box!.width).toBeGreaterThan(10);
    expect(box!.height).toBeGreaterThan(10);
    expect(box!.y).toBeGreaterThanOrEqual(0);

    await tabUntil(page, (f) => f.id === 'q');
    await page.keyboard.type('Trafford');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/search?q=Trafford');

    await tabUntil(page, (f) => f.href === '/areas/E08000009');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/areas\/E08000009$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Trafford');
  });
});
