/**
 * The audit log pages in a real browser, on the demo data with a few events of an administrator's:
 * axe (WCAG 2.2 AA) on the whole log, filtered, with a filter that is not a date (its error summary),
 * and the log of one body and of one indicator.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AxeChecks } from './support/checks.ts';
import { launchBrowser, type Browser } from './support/chromium.ts';
import { cli, createAdministrator, signIn } from './support/people.ts';

const ADMIN = 'browser.auditor@example.org';
const TRAFFORD = 'trafford-council';

let browser: Browser;
let page: Page;
const axe = new AxeChecks(() => page);
beforeAll(async () => {
  await createAdministrator(ADMIN, 'Aud Auditor');
  // events of a body: a role given for it and a token issued for it
  await cli(['users', 'grant', '--email', ADMIN, '--role', 'performance_officer', '--body', TRAFFORD]);
  await cli(['users', 'token', 'issue', '--body', TRAFFORD, '--name', 'Audit page token']);
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

describe('the audit pages have no WCAG 2.2 AA violations found by axe', () => {
  it('the whole log, filtered, and with a date that is not one', async () => {
    await page.goto('/audit');
    expect(await page.getByRole('table', { name: 'Audit events, newest first' }).textContent()).toContain(ADMIN);
    await axe.check('the audit log');

    await page.getByLabel('Action').fill('role');
    await page.getByRole('button', { name: 'Show events' }).click();
    await page.waitForURL(/action=role/);
    await axe.check('the audit log, filtered');

    await page.getByLabel('From').fill('last Tuesday');
    await page.getByRole('button', { name: 'Show events' }).click();
    await axe.checkErrors('the audit log with a filter error');
  });

  it('the log of a body and of an indicator', async () => {
    await page.goto(`/bodies/${TRAFFORD}/audit`);
    expect(await page.getByRole('table', { name: 'Audit events, newest first' }).textContent()).toContain('Audit page token');
    await axe.check('a body’s audit log');

    await page.goto('/indicators/NI192/audit');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await axe.check('an indicator’s audit log');
  });
});
