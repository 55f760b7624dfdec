/**
 * People for the browser suite: the command line run on the server's database (to make an account a
 * page needs), and signing in through the sign-in page as a person would.
 */
import { expect, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { runCli } from '../../../src/main/cli.ts';

/** The pass phrase the browser suite's people sign in with. */
export const BROWSER_PASSWORD = 'a browser suite pass phrase';

/** Runs `localvision <args>` on the server's database; fails the test with its errors if it fails. */
export async function cli(args: string[], stdin = ''): Promise<void> {
  const err: string[] = [];
  const code = await runCli(
    args,
    { out: () => undefined, err: (t) => err.push(t), interactive: false, readStdin: async () => stdin },
    { DATABASE_URL: inject('databaseUrl'), LOG_LEVEL: 'silent' },
  );
  expect(code, err.join('\n')).toBe(0);
}

/** An administrator, made with the command line, who may then be given other roles. */
export async function createAdministrator(email: string, name: string): Promise<void> {
  await cli(['users', 'create-admin', '--email', email, '--name', name, '--password-stdin'], `${BROWSER_PASSWORD}\n`);
}

export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/account/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(BROWSER_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/account$/);
}
