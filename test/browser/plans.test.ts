/**
 * The plans pages in a real browser, on the demo's example Trafford plans: axe (WCAG 2.2 AA) on each
 * page a reader sees, and on the forms an officer of Trafford Council (also an administrator) uses, with
 * and without errors:
 * start a revision of the agreement, add a target with mistakes, change a target's tolerance, report
 * progress on an action and check a file to import. The report, printed, has no menu and no link addresses.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runCli } from '../../src/main/cli.ts';
import { axeViolations } from './support/axe.ts';
import { launchBrowser, type Browser } from './support/chromium.ts';

const EMAIL = 'plans.officer@example.org';
const PASSWORD = 'a browser suite pass phrase for plans';
const TRAFFORD = 'trafford-council';
const STRATEGY = '/plans/trafford-community-strategy';
const LAA = '/plans/trafford-laa';
const SERVICE_PLAN = '/plans/trafford-waste-service-plan';

async function cli(args: string[], stdin = ''): Promise<void> {
  const err: string[] = [];
  const code = await runCli(
    args,
    { out: () => undefined, err: (t) => err.push(t), interactive: false, readStdin: async () => stdin },
    { DATABASE_URL: inject('databaseUrl'), LOG_LEVEL: 'silent' },
  );
  expect(code, err.join('\n')).toBe(0);
}

// a reader's browser and the officer's are apart, as two people's are: pages kept by one are not the other's
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

/** The page's window, as far as reading a pseudo-element's style goes. */
interface PseudoStyles {
  getComputedStyle(element: unknown, pseudo: string): { content: string };
}

/** axe on the page as it is now, remembered under `name`. */
async function check(name: string): Promise<void> {
  for (const v of await axeViolations(page)) failures.push(`${name}: ${v}`);
}

describe('the plans pages a reader sees have no WCAG 2.2 AA violations found by axe', () => {
  beforeAll(openBrowser);
  afterAll(closeBrowser);

  it('the plans, the strategy’s golden thread, the agreement, a service plan and the versions', async () => {
    await page.goto('/plans');
    await check('plans');
    await page.goto(STRATEGY);
    await page.getByRole('heading', { name: 'The golden thread' }).waitFor();
    await check('strategy');
    await page.goto(`${STRATEGY}?on=2021-06-01`);
    await check('strategy on a date');
    await page.goto(`${STRATEGY}?on-day=31&on-month=2&on-year=2021`);
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    await check('strategy with a date that is not one');
    await page.goto(LAA);
    await check('agreement');
    await page.goto(SERVICE_PLAN);
    await check('service plan');
    await page.goto(`${STRATEGY}/versions`);
    await check('versions');
  });

  it('a target with its chart, an action, the targets on an indicator and the report for printing', async () => {
    await page.goto(`${LAA}/items/recycling`);
    await page.getByRole('heading', { name: 'Figures, trajectory and forecast' }).waitFor();
    await check('target');
    await page.goto(`${LAA}/items/recycling-gap`);
    await check('gap target');
    await page.goto(`${SERVICE_PLAN}/items/food-waste-flats`);
    await check('action');
    await page.goto('/indicators/NI192/targets');
    await check('targets on an indicator');
    await page.goto(`${LAA}/report`);
    await check('report');
    // on paper: no menu, and links do not print their addresses
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Menu' }).isHidden()).toBe(true);
    const after = await page
      .locator('main a.govuk-link')
      .first()
      .evaluate((a) => (globalThis as unknown as PseudoStyles).getComputedStyle(a, '::after').content);
    expect(after).toBe('none');
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('the plans forms have no WCAG 2.2 AA violations found by axe', () => {
  beforeAll(async () => {
    await cli(['users', 'create-admin', '--email', EMAIL, '--name', 'Pat Planner', '--password-stdin'], `${PASSWORD}\n`);
    await cli(['users', 'grant', '--email', EMAIL, '--role', 'performance_officer', '--body', TRAFFORD]);
    await openBrowser();
    await page.goto('/account/sign-in');
    await page.getByLabel('Email address').fill(EMAIL);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/account$/);
  });
  afterAll(closeBrowser);

  it('a revision of the agreement: its draft, an item form with errors, and publishing', async () => {
    await page.goto(LAA);
    await page.getByRole('button', { name: 'Start a revision' }).click();
    await page.getByText('A new draft has been started').waitFor();
    await check('draft');
    await page.getByRole('link', { name: 'Add a target' }).click();
    await check('new target');
    await page.getByLabel('Key').fill('new-target');
    await page.getByRole('button', { name: 'Add to the draft' }).click();
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    await check('new target with errors');
    await page.goto(`${LAA}/publish`);
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    await check('publish with errors');
  });

  it('a tolerance changed as a new rule version, and progress reported', async () => {
    await page.goto(`${LAA}/items/recycling/tolerance`);
    await check('tolerance');
    await page.getByRole('button', { name: 'Change the tolerance' }).click();
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    await check('tolerance with errors');
    await page.getByLabel('New tolerance').fill('0.25');
    await page.getByLabel('Why').fill('The board asked for a tighter watch');
    await page.getByRole('button', { name: 'Change the tolerance' }).click();
    await page.getByText('a new rule version is in force').waitFor();
    expect(await page.getByRole('table', { name: 'Rule versions, latest first' }).textContent()).toContain(
      'The board asked for a tighter watch',
    );

    await page.goto(`${SERVICE_PLAN}/items/food-waste-flats/progress`);
    await check('progress');
    await page.getByLabel('Progress', { exact: true }).fill('101');
    await page.getByRole('button', { name: 'Report progress' }).click();
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    await check('progress with errors');
  });

  it('importing: the form, its error, and a file with problems', async () => {
    await page.goto('/plans/import');
    await check('import');
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    await check('import with errors');
    await page.getByLabel('Upload a file').setInputFiles({
      name: 'plans.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ plans: [{ id: 'Not a slug', kind: 'laa' }] })),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: 'There are problems with your file' }).waitFor();
    await check('import with problems');
    await page.goto('/plans/new');
    await page.getByRole('button', { name: 'Create the draft' }).click();
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    await check('new plan with errors');
  });
});
