/**
 * The Content Security Policy lets the pages' own scripts run — govuk-frontend marks the page as
 * having JavaScript and starts its components — and nothing breaks it, whether the page was
 * rendered for this request or served from the server's page cache.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from './support/chromium.ts';
import type { PageWindow } from './support/dom.ts';

let browser: Browser;
let page: Page;
let violations: string[];
beforeAll(async () => {
  browser = await launchBrowser(inject('baseUrl'));
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  page = await browser.newPage();
  violations = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
});
afterEach(async () => {
  await page?.close();
});

const bodyClasses = () => page.evaluate(() => [...(globalThis as unknown as PageWindow).document.body.classList].join(' '));

describe('scripts under the page policy', () => {
  it.each(['/', '/areas/E08000009', '/indicators/NI192'])('run on %s, rendered and then from the cache', async (path) => {
    for (const load of ['first', 'again']) {
      const response = await page.goto(path);
      expect(response?.status(), `${load} load`).toBe(200);
      expect(await bodyClasses()).toContain('js-enabled');
      expect(await bodyClasses()).toContain('govuk-frontend-supported');
      // initAll() ran: the skip link (a govuk-frontend component) is initialised
      await expect.poll(() => page.locator('[data-module="govuk-skip-link"][data-govuk-skip-link-init]').count()).toBe(1);
    }
    expect(violations).toEqual([]);
  });
});
