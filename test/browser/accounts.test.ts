/**
 * The account pages in a real browser: axe (WCAG 2.2 AA) on the sign-in and forgotten-password pages,
 * the sign-in form with its errors and a signed-in person's account page; and a person signing in with
 * the keyboard, seeing their name in the header, and signing out.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runCli } from '../../src/main/cli.ts';
import { axeViolations } from './support/axe.ts';
import { launchBrowser, type Browser } from './support/chromium.ts';

const EMAIL = 'browser.admin@example.org';
const PASSWORD = 'a browser suite pass phrase';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  const err: string[] = [];
  const code = await runCli(
    ['users', 'create-admin', '--email', EMAIL, '--name', 'Bea Browser', '--password-stdin'],
    { out: () => undefined, err: (t) => err.push(t), interactive: false, readStdin: async () => `${PASSWORD}\n` },
    { DATABASE_URL: inject('databaseUrl'), LOG_LEVEL: 'silent' },
  );
  expect(code, err.join('\n')).toBe(0);
  browser = await launchBrowser(inject('baseUrl'));
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  page = await browser.newPage();
  // the pages share one browser context: each test starts signed out
  await page.context().clearCookies();
});
afterEach(async () => {
  await page?.close();
});

async function signIn(): Promise<void> {
  await page.goto('/account/sign-in');
  await page.getByLabel('Email address').fill(EMAIL);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/account$/);
}

describe('the account pages have no WCAG 2.2 AA violations found by axe', () => {
  it.each([
    ['sign in', '/account/sign-in', 200],
    ['forgotten password', '/account/forgot-password', 200],
    ['a reset link that cannot be used', '/account/reset-password?token=made-up', 400],
  ])('%s (%s)', async (_name, path, status) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(status);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('sign in with errors', async () => {
    await page.goto('/account/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.title()).toMatch(/^Error: Sign in/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('your account, signed in', async () => {
    await signIn();
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('signing in and out', () => {
  it('signs in with the keyboard, shows the person in the header of every page, and signs out', async () => {
    await page.goto('/about');
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL(/\/account\/sign-in\?returnTo=%2Fabout$/);
    await page.getByLabel('Email address').focus();
    await page.keyboard.type(EMAIL);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/about$/);

    const menu = page.getByRole('navigation', { name: 'Menu' });
    expect(await menu.textContent()).toContain('Bea Browser');
    await menu.getByRole('link', { name: 'Your account' }).click();
    await page.waitForURL(/\/account$/);
    expect(await page.getByRole('table', { name: 'Your roles and where you hold them' }).textContent()).toContain(
      'Administrator',
    );

    await menu.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/account\/signed-out$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('You have signed out');
    await page.goto('/account');
    await page.waitForURL(/\/account\/sign-in\?returnTo=%2Faccount$/);
  });
});
