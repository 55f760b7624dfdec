/**
 * axe on page after page of one test, each failure remembered under the page's name, so that one
 * test reports every page that failed rather than stopping at the first.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations } from './axe.ts';

export class AxeChecks {
  private failures: string[] = [];

  constructor(private readonly page: () => Page) {}

  /** Runs axe on the page as it is now. */
  async check(name: string): Promise<void> {
    for (const v of await axeViolations(this.page())) this.failures.push(`${name}: ${v}`);
  }

  /** Waits for the page to show its error summary (its title starts "Error:"), then runs axe on it. */
  async checkErrors(name: string): Promise<void> {
    await expect.poll(() => this.page().title()).toMatch(/^Error: /);
    await this.page().locator('.govuk-error-summary').waitFor();
    await this.check(name);
  }

  /** Fails with every violation found since the last call, and starts again. */
  expectNone(): void {
    const found = this.failures;
    this.failures = [];
    expect(found).toEqual([]);
  }
}
