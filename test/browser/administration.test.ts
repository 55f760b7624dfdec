/**
 * The administration pages in a real browser, on the demo data: axe (WCAG 2.2 AA) on the list of
 * people, the invitation form (empty, then sent), a person's page with their roles (and its form sent
 * empty), revoking a role and disabling the person (each confirmed on a page of its own), the choice
 * of a body's tokens, a body's tokens (and its form sent empty), the page that shows a new token once,
 * and revoking it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AxeChecks } from './support/checks.ts';
import { launchBrowser, type Browser } from './support/chromium.ts';
import { createAdministrator, signIn } from './support/people.ts';

const ADMIN = 'browser.administrator@example.org';
const INVITED = 'browser.invited.officer@example.org';
const TRAFFORD = 'trafford-council';

let browser: Browser;
let page: Page;
const axe = new AxeChecks(() => page);
beforeAll(async () => {
  await createAdministrator(ADMIN, 'Ada Administrator');
  browser = await launchBrowser(inject('baseUrl'));
  page = await browser.newPage();
  await signIn(page, ADMIN);
});
afterAll(async () => {
  await page?.close();
  await browser?.close();
});
afterEach(() => {
  axe.expectNone();
});

describe('the administration pages have no WCAG 2.2 AA violations found by axe', () => {
  it('people: the list, a search, the invitation form with errors, a person with their roles, revoked and disabled', async () => {
    await page.goto('/admin/people');
    await axe.check('people');
    await page.getByLabel('Search by name or email address').fill('Ada');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/q=Ada/);
    await axe.check('people, searched');

    await page.goto('/admin/people/invite');
    await axe.check('invite');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await axe.checkErrors('invite with errors');

    await page.getByLabel('Email address').fill(INVITED);
    await page.getByLabel('Name', { exact: true }).fill('Ivo Invited');
    await page.getByLabel('Role').selectOption('performance_officer');
    await page.getByLabel('Body').selectOption(TRAFFORD);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.waitForURL(/done=invited/);
    expect(await page.getByRole('table', { name: 'Roles they hold now' }).textContent()).toContain('Trafford');
    await axe.check('a person with a role');

    await page.getByRole('button', { name: 'Give role' }).click();
    await axe.checkErrors('a person, the role form with errors');

    await page
      .getByRole('link', { name: /^Revoke/ })
      .first()
      .click();
    await page.getByRole('button', { name: /Revoke/ }).waitFor();
    await axe.check('confirm revoking a role');
    await page.getByRole('button', { name: /Revoke/ }).click();
    await page.waitForURL(/done=revoked/);
    await page.getByRole('table', { name: 'Roles revoked' }).waitFor();
    await axe.check('a person with a revoked role');

    await page.getByRole('link', { name: 'Disable this person' }).click();
    await page.getByRole('button', { name: /Disable/ }).waitFor();
    await axe.check('confirm disabling a person');
    await page.getByRole('button', { name: /Disable/ }).click();
    await page.waitForURL(/done=disabled/);
    await axe.check('a disabled person');
  });

  it('API tokens: the choice of body, a body’s tokens with errors, a new token shown once, then revoked', async () => {
    await page.goto('/admin/tokens');
    await axe.check('choose whose tokens');
    await page.getByLabel('Whose tokens').selectOption(TRAFFORD);
    await page.getByRole('button', { name: 'Show tokens' }).click();
    await page.waitForURL(new RegExp(`/bodies/${TRAFFORD}/tokens$`));
    await axe.check('a body’s tokens');

    await page.getByRole('button', { name: 'Issue token' }).click();
    await axe.checkErrors('a body’s tokens with errors');

    await page.getByLabel('Name').fill('Nightly upload');
    await page.getByRole('button', { name: 'Issue token' }).click();
    await page.waitForURL(new RegExp(`/bodies/${TRAFFORD}/tokens/issued/`));
    expect(await page.getByLabel('Your API token').inputValue()).toMatch(/^lv_/);
    await axe.check('the new token');

    await page.goto(`/bodies/${TRAFFORD}/tokens`);
    await axe.check('a body’s tokens, one issued');
    await page.getByRole('link', { name: /^Revoke.*Nightly upload/ }).click();
    await page.getByRole('button', { name: 'Revoke token' }).waitFor();
    await axe.check('confirm revoking a token');
    await page.getByRole('button', { name: 'Revoke token' }).click();
    await page.waitForURL(/done=revoked/);
    await axe.check('a body’s tokens, one revoked');
  });
});
