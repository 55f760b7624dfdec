/**
 * The indicator definition pages in a real browser, on the demo data: axe (WCAG 2.2 AA) on the
 * national indicators (a list, the form for a new one sent empty, a definition sent with its title
 * taken out) and a council's local ones (the choice of council, the list, the form sent empty), as an
 * administrator who is also a performance officer of two councils.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AxeChecks } from './support/checks.ts';
import { launchBrowser, type Browser } from './support/chromium.ts';
import { cli, createAdministrator, signIn } from './support/people.ts';

const PERSON = 'browser.definer@example.org';
const TRAFFORD = 'trafford-council';
const STOCKPORT = 'stockport-council';

let browser: Browser;
let page: Page;
const axe = new AxeChecks(() => page);
beforeAll(async () => {
  await createAdministrator(PERSON, 'Dee Definer');
  for (const body of [TRAFFORD, STOCKPORT])
    await cli(['users', 'grant', '--email', PERSON, '--role', 'performance_officer', '--body', body]);
  browser = await launchBrowser(inject('baseUrl'));
  page = await browser.newPage();
  await signIn(page, PERSON);
});
afterAll(async () => {
  await page?.close();
  await browser?.close();
});
afterEach(() => {
  axe.expectNone();
});

describe('the indicator definition pages have no WCAG 2.2 AA violations found by axe', () => {
  it('national indicators: the list, searched, a new one sent empty, a definition without its title', async () => {
    await page.goto('/indicators/national');
    await axe.check('national indicators');
    await page.getByLabel('Search by code, title or other code').fill('recycl');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/q=recycl/);
    await axe.check('national indicators, searched');

    await page.goto('/indicators/new');
    await axe.check('a new national indicator');
    await page.getByRole('button', { name: 'Save definition' }).click();
    await axe.checkErrors('a new national indicator with errors');

    await page.goto('/indicators/NI192/edit');
    expect(await page.getByLabel('Title').inputValue()).not.toBe('');
    await axe.check('a national indicator’s definition');
    await page.getByLabel('Title').fill('');
    await page.getByRole('button', { name: 'Save definition' }).click();
    await axe.checkErrors('a national indicator’s definition with errors');
  });

  it('local indicators: the choice of council, a council’s list, a new one sent empty', async () => {
    await page.goto('/indicators/local');
    await expect.poll(() => page.getByRole('link', { name: /Stockport/ }).count()).toBeGreaterThan(0);
    await axe.check('choose a council');

    await page.goto(`/indicators/local?body=${TRAFFORD}`);
    await axe.check('a council’s local indicators');

    await page.goto(`/indicators/new?owner=${TRAFFORD}`);
    await axe.check('a new local indicator');
    await page.getByRole('button', { name: 'Save definition' }).click();
    await axe.checkErrors('a new local indicator with errors');
  });
});
