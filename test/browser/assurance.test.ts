/**
 * The risk, inspection and partnership pages in a real browser, on the demo (the councils scored from
 * the real figures, the example Greater Manchester Improvement Partnership and its peer review): axe
 * (WCAG 2.2 AA) on each page a reader sees, and on the forms an officer of Tameside (also an
 * administrator, later an assessor too) uses, with and without errors — filing a self-assessment and
 * answering it, the risk model, forming a partnership, recording a peer review and its follow-up.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runCli } from '../../src/main/cli.ts';
import { axeViolations } from './support/axe.ts';
import { launchBrowser, type Browser } from './support/chromium.ts';

const EMAIL = 'assurance.officer@example.org';
const PASSWORD = 'a browser suite pass phrase for assurance';
const TAMESIDE = 'tameside-council';
const PARTNERSHIP = '/partnerships/greater-manchester-improvement';

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

describe('the risk, inspection and partnership pages a reader sees have no WCAG 2.2 AA violations found by axe', () => {
  beforeAll(openBrowser);
  afterAll(closeBrowser);

  it('the risk profiles, filtered, and the highest-scoring council’s breakdown', async () => {
    await page.goto('/risk');
    await page.getByRole('heading', { name: 'How the score is worked out' }).waitFor();
    await check('risk');
    await page.getByLabel('Band').selectOption('high');
    await page.getByRole('button', { name: 'Show councils' }).click();
    await page.waitForURL(/band=high/);
    await check('risk, high band');
    await page.goto('/risk');
    await page
      .getByRole('table', { name: /Councils’ risk scores/ })
      .getByRole('link')
      .first()
      .click();
    await page.getByRole('heading', { name: 'How the score is made up' }).waitFor();
    await check('a council’s risk profile');
  });

  it('the inspection page, the partnership and its peer review', async () => {
    await page.goto('/inspection');
    await page.getByRole('heading', { name: 'The ten principles of inspection' }).waitFor();
    await check('inspection');
    await page.goto('/partnerships');
    await check('partnerships');
    await page.goto(PARTNERSHIP);
    await check('partnership');
    await page
      .getByRole('table', { name: /Peer reviews by the members/ })
      .getByRole('link')
      .first()
      .click();
    await page.getByRole('heading', { name: 'Findings' }).waitFor();
    await check('peer review');
  });
});

describe('the risk, inspection and partnership forms have no WCAG 2.2 AA violations found by axe', () => {
  beforeAll(async () => {
    await cli(['users', 'create-admin', '--email', EMAIL, '--name', 'Sam Assurance', '--password-stdin'], `${PASSWORD}\n`);
    await cli(['users', 'grant', '--email', EMAIL, '--role', 'performance_officer', '--body', TAMESIDE]);
    await openBrowser();
    await page.goto('/account/sign-in');
    await page.getByLabel('Email address').fill(EMAIL);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/account$/);
  });
  afterAll(closeBrowser);

  it('a self-assessment filed with mistakes, then filed, then answered by an assessor', async () => {
    await page.goto('/inspection');
    await page.getByRole('link', { name: 'File a self-assessment' }).click();
    await check('new self-assessment');
    await page.getByRole('button', { name: 'File the self-assessment' }).click();
    await hasError();
    await check('new self-assessment with errors');
    await page.getByLabel('Council').selectOption(TAMESIDE);
    await page.getByLabel('Adult social care and health').check();
    await page.getByLabel('Performing adequately').check();
    await page.getByLabel('Summary').fill('Reablement outcomes are below our neighbours’.');
    await page.getByLabel('Evidence').fill('ASC5 for 2023/24 and the peer review of reablement.');
    await page.getByRole('button', { name: 'File the self-assessment' }).click();
    await page.getByText('The self-assessment has been filed.').waitFor();
    await check('a self-assessment, without the assessor’s form');

    await cli(['users', 'grant', '--email', EMAIL, '--role', 'assessor']);
    await page.reload();
    await page.getByRole('button', { name: 'Send the answer' }).waitFor();
    await check('a self-assessment, with the assessor’s form');
    await page.getByLabel('Challenge it').check();
    await page.getByRole('button', { name: 'Send the answer' }).click();
    await hasError();
    await check('a self-assessment, the assessor’s form with errors');
  });

  it('the risk model form, with errors', async () => {
    await page.goto('/risk/model');
    await check('risk model');
    await page.getByLabel('Targets off track').fill('many');
    await page.getByRole('button', { name: 'Set the new model' }).click();
    await hasError();
    await check('risk model with errors');
  });

  it('forming a partnership, changing its members and recording a peer review, with errors', async () => {
    await page.goto('/partnerships/new');
    await check('new partnership');
    await page.getByRole('button', { name: 'Form the partnership' }).click();
    await hasError();
    await check('new partnership with errors');
    await page.goto(`${PARTNERSHIP}/members`);
    await check('members');
    await page.getByRole('button', { name: 'Change the members' }).click();
    await hasError();
    await check('members with errors');
    await page.goto(`${PARTNERSHIP}/peer-reviews/new`);
    await check('new peer review');
    await page.getByRole('button', { name: 'Record the peer review' }).click();
    await hasError();
    await check('new peer review with errors');
    await page.goto(PARTNERSHIP);
    await page
      .getByRole('table', { name: /Peer reviews by the members/ })
      .getByRole('link')
      .first()
      .click();
    await page.getByRole('button', { name: 'Save the follow-up' }).waitFor();
    await check('peer review with its forms');
    await page.getByLabel('Follow-up', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Save the follow-up' }).click();
    await hasError();
    await check('peer review, follow-up with errors');
  });
});
