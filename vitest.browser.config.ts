import { defineConfig } from 'vitest/config';

/**
 * The browser suite: the real server on a fresh SQLite file with the demo data, driven by Debian's
 * Chromium through playwright-core, with axe-core on every page type. One file at a time (one browser,
 * one server); fails, never skips, when /usr/bin/chromium is missing.
 */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/support/global-setup.ts'],
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
  },
});
