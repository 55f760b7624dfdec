/**
 * WCAG 1.4.10 reflow: at 320 CSS pixels wide no page type scrolls sideways. Wide tables may scroll
 * inside their own region, provided a keyboard user can reach it.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from './support/chromium.ts';
import type { PageElement, PageWindow } from './support/dom.ts';
import { PAGE_TYPES } from './support/page-types.ts';

const NARROW = { width: 320, height: 800 };

interface Reflow {
  scrollWidth: number;
  /** elements reaching past the right edge that are not inside a scroll region */
  overflowing: string[];
  /** scroll regions that do scroll but that a keyboard user cannot reach */
  unreachableScrollRegions: string[];
}

/** Runs in the page: what makes it wider than the viewport, named by a short CSS path. */
async function measureReflow(page: Page): Promise<Reflow> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as PageWindow;
    const getComputedStyle = (el: PageElement) => (globalThis as unknown as PageWindow).getComputedStyle(el);
    const width = document.documentElement.clientWidth;
    const cssPath = (el: PageElement): string => {
      const parts: string[] = [];
      for (let e: PageElement | null = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
        const cls = [...e.classList]
          .slice(0, 2)
          .map((c) => `.${c}`)
          .join('');
        parts.unshift(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${cls}`);
      }
      return parts.join(' > ');
    };
    const scrolls = (el: PageElement) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
    // A scroll region clips what it contains, except absolutely placed elements (such as GOV.UK's
    // visually hidden text) whose containing block, the nearest positioned ancestor, lies outside it.
    const clippedByScrollRegion = (el: PageElement) => {
      const position = getComputedStyle(el).position;
      if (position === 'fixed') return false;
      let escapes = position === 'absolute';
      for (let e = el.parentElement; e && e !== document.documentElement; e = e.parentElement) {
        if (escapes && getComputedStyle(e).position !== 'static') escapes = false;
        if (!escapes && scrolls(e)) return true;
      }
      return false;
    };
    const focusable = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
    const all = [...document.body.querySelectorAll('*')];
    const tooWide = (el: PageElement) => el.getBoundingClientRect().right > width + 0.5 && !clippedByScrollRegion(el);
    // the outermost culprits only: an element whose parent is too wide too is reported through its parent
    const overflowing = all
      .filter((el) => tooWide(el) && !(el.parentElement && el.parentElement !== document.body && tooWide(el.parentElement)))
      .map(cssPath);
    const unreachableScrollRegions = all
      .filter((el) => scrolls(el) && el.scrollWidth > el.clientWidth + 1)
      .filter((el) => !el.matches(focusable) && el.querySelector(focusable) === null)
      .map(cssPath);
    return {
      scrollWidth: document.documentElement.scrollWidth,
      overflowing: [...new Set(overflowing)].slice(0, 10),
      unreachableScrollRegions,
    };
  });
}

describe('at 320 px wide no page scrolls sideways', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser(inject('baseUrl'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(PAGE_TYPES)('$name ($path)', async ({ path, status }) => {
    const page = await browser.newPage(NARROW);
    try {
      const response = await page.goto(path);
      expect(response?.status(), `status of ${path}`).toBe(status);
      const reflow = await measureReflow(page);
      expect(
        reflow.scrollWidth <= NARROW.width,
        `page is ${reflow.scrollWidth} px wide; wider elements:\n${reflow.overflowing.join('\n')}`,
      ).toBe(true);
      expect(reflow.unreachableScrollRegions, 'scroll regions a keyboard cannot reach').toEqual([]);
    } finally {
      await page.close();
    }
  });
});
