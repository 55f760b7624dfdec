/** axe-core (WCAG 2.2 AA) on every page type of the public site: zero violations. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { launchBrowser, type Browser } from './support/chromium.ts';
import { PAGE_TYPES } from './support/page-types.ts';

describe('every page type has no WCAG 2.2 AA violations found by axe', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser(inject('baseUrl'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(PAGE_TYPES)('$name ($path)', async ({ path, status }) => {
    const page = await browser.newPage();
    try {
      const response = await page.goto(path);
      expect(response?.status(), `status of ${path}`).toBe(status);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
