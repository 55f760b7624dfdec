/**
 * Data submission in a real browser, on the demo data: axe (WCAG 2.2 AA) on each submission page, with
 * and without errors, as an officer of Trafford Council (who is also an administrator, so that they
 * may ask their own council for a national indicator's figures): ask for NI192, upload a file with a
 * bad row, then a good one, create the draft, and look at the sharing page.
 */
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runCli } from '../../src/main/cli.ts';
import { axeViolations } from './support/axe.ts';
import { launchBrowser, type Browser } from './support/chromium.ts';

const EMAIL = 'browser.officer@example.org';
const PASSWORD = 'a browser suite pass phrase';
const TRAFFORD = 'trafford-council';

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
beforeAll(async () => {
  await cli(['users', 'create-admin', '--email', EMAIL, '--name', 'Olu Officer', '--password-stdin'], `${PASSWORD}\n`);
  await cli(['users', 'grant', '--email', EMAIL, '--role', 'performance_officer', '--body', TRAFFORD]);
  browser = await launchBrowser(inject('baseUrl'));
  page = await browser.newPage();
  await page.goto('/account/sign-in');
  await page.getByLabel('Email address').fill(EMAIL);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/account$/);
});
afterAll(async () => {
  await page?.close();
  await browser?.close();
});

let failures: string[] = [];
beforeEach(() => {
  failures = [];
});
afterEach(() => {
  expect(failures).toEqual([]);
});

/** axe on the page as it is now, remembered under `name`. */
async function check(name: string): Promise<void> {
  for (const v of await axeViolations(page)) failures.push(`${name}: ${v}`);
}

const file = (name: string, rows: string[]) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(['indicator,area,period,value', ...rows].join('\n') + '\n'),
});

describe('the submission pages have no WCAG 2.2 AA violations found by axe', () => {
  it('collection rounds: the deadline form, with errors, then set', async () => {
    await page.goto(`/bodies/${TRAFFORD}/collection`);
    await check('collection rounds');
    await page.getByRole('button', { name: 'Set the deadline' }).click();
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    await check('collection rounds with errors');
    await page.getByLabel('Indicator code').fill('NI192');
    await page.getByLabel('Period').fill('2025/26');
    await page.getByLabel('Day').fill('30');
    await page.getByLabel('Month').fill('6');
    await page.getByLabel('Year').fill('2027');
    await page.getByRole('button', { name: 'Set the deadline' }).click();
    await page.getByText('The deadline has been set.').waitFor();
    await check('collection rounds after setting a deadline');
  });

  it('uploading: the form, its errors, a report with problems, a good report, the draft', async () => {
    await page.goto('/submissions/new');
    await check('upload form');
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect.poll(() => page.title()).toMatch(/^Error: Upload figures/);
    await check('upload form with errors');

    await page.getByLabel('Upload a file').setInputFiles(file('mistake.csv', ['NI192,E08000009,2025/26,not a number']));
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: 'There are problems with your file' }).waitFor();
    await check('report with problems');

    await page.goto('/submissions/new');
    await page.getByLabel('Upload a file').setInputFiles(file('good.csv', ['NI192,E08000009,2025/26,58.2']));
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: 'Check the figures before you create a draft' }).waitFor();
    await check('good report');
    await page.getByRole('button', { name: 'Create draft submission' }).click();
    await page.getByText('Your draft submission has been created').waitFor();
    await check('submission');
  });

  it('the list of submissions, sharing, and overdue figures', async () => {
    await page.goto('/submissions');
    await check('submissions');
    await page.goto(`/bodies/${TRAFFORD}/sharing`);
    await check('sharing');
    await page.goto('/data/overdue');
    await check('overdue figures');
  });
});
