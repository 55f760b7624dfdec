/**
 * The case pages in a real browser, on the demo (the cases the triggers opened from the real
 * figures): axe (WCAG 2.2 AA) on the list of cases, filtered and with a filter it cannot read, a
 * case's page with its evidence, chart and timeline, and the triggers page; then, signed in as an
 * administrator (who may act on every case and configure the triggers), a case's page with its
 * forms, with an error, and the form adding a version of a rule, with errors.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runCli } from '../../src/main/cli.ts';
import { axeViolations } from './support/axe.ts';
import { launchBrowser, type Browser } from './support/chromium.ts';

const EMAIL = 'cases.administrator@example.org';
const PASSWORD = 'a browser suite pass phrase for cases';

async function cli(args: string[], stdin = ''): Promise<void> {
  const err: string[] = [];
  const code = await runCli(
    args,
    { out: () => undefined, err: (t) => err.push(t), interactive: false, readStdin: async () => stdin },
    { DATABASE_URL: inject('databaseUrl'), LOG_LEVEL: 'silent' },
  );
  expect(code, err.join('\n')).toBe(0);
}

let browser: Browser;
let page: Page;
async function openBrowser(): Promise<void> {
  browser = await launchBrowser(inject('baseUrl'));
  page = await browser.newPage();
}
async function closeBrowser(): Promise<void> {
  await page?.close();
  await browser?.close();
}

let failures: string[] = [];
beforeEach(() => {
  failures = [];
});
afterEach(() => {
  expect(failures).toEqual([]);
});

async function check(name: string): Promise<void> {
  for (const v of await axeViolations(page)) failures.push(`${name}: ${v}`);
}

async function hasError(): Promise<void> {
  await expect.poll(() => page.title()).toMatch(/^Error: /);
}

/** The first case in the list of open cases. */
async function openFirstCase(): Promise<void> {
  await page.goto('/cases');
  await page
    .getByRole('table', { name: /^Open cases/ })
    .getByRole('link')
    .first()
    .click();
  await page.getByRole('heading', { name: 'The evidence' }).waitFor();
}

describe('the case pages a reader sees have no WCAG 2.2 AA violations found by axe', () => {
  beforeAll(openBrowser);
  afterAll(closeBrowser);

  it('the open cases, filtered by rung, and with a filter that cannot be read', async () => {
    await page.goto('/cases');
    await page.getByRole('heading', { name: 'On each rung of the ladder' }).waitFor();
    await check('cases');
    await page.getByLabel('Rung', { exact: true }).selectOption('1');
    await page.getByRole('button', { name: 'Show the cases' }).click();
    await page.waitForURL(/rung=1/);
    await check('cases on rung 1');
    await page.goto('/cases?rung=9');
    await hasError();
    await check('cases with a filter that cannot be read');
  });

  it('a case with its evidence, chart and timeline, and the triggers', async () => {
    await openFirstCase();
    await check('a case');
    await page.goto('/triggers');
    await page.getByRole('heading', { name: 'How cases open, escalate and close' }).waitFor();
    await check('triggers');
  });
});

describe('the case pages reflow at 320 CSS pixels wide (WCAG 1.4.10)', () => {
  beforeAll(openBrowser);
  afterAll(closeBrowser);

  it('the list of cases, a case and the triggers scroll only inside their tables’ regions', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    const wider: string[] = [];
    const measure = async (name: string) => {
      const { scroll, client } = await page.evaluate(() => {
        const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } })
          .document.documentElement;
        return { scroll: root.scrollWidth, client: root.clientWidth };
      });
      if (scroll > client + 1) wider.push(`${name}: ${scroll}px wide in ${client}px`);
    };
    await page.goto('/cases');
    await measure('cases');
    await openFirstCase();
    await measure('a case');
    await page.goto('/triggers');
    await measure('triggers');
    expect(wider).toEqual([]);
  });
});

describe('the case forms have no WCAG 2.2 AA violations found by axe', () => {
  beforeAll(async () => {
    await cli(['users', 'create-admin', '--email', EMAIL, '--name', 'Casey Caseworker', '--password-stdin'], `${PASSWORD}\n`);
    await openBrowser();
    await page.goto('/account/sign-in');
    await page.getByLabel('Email address').fill(EMAIL);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/account$/);
  });
  afterAll(closeBrowser);

  it('a case with the owner’s forms, and a form sent blank', async () => {
    await openFirstCase();
    await page.getByRole('heading', { name: 'Act on the case' }).waitFor();
    await check('a case with its forms');
    await page.getByRole('button', { name: 'Close the case' }).click();
    await hasError();
    await check('a case with an error');
  });

  it('the form adding a version of a rule: which rule, the form, and its errors', async () => {
    await page.goto('/triggers');
    await page.getByRole('link', { name: /^Add a version of this rule\W+Off target$/ }).click();
    await check('a new version of a rule');
    await page.getByLabel('Periods off track').fill('none');
    await page.getByRole('button', { name: 'Add the version' }).click();
    await hasError();
    await check('a new version of a rule with errors');
    await page.goto('/triggers/versions/new');
    await check('which rule');
  });
});
