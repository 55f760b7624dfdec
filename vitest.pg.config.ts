import { defineConfig } from 'vitest/config';

/** The database suites again, on PostgreSQL (TEST_DATABASE_URL must be set). */
export default defineConfig({
  test: {
    include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['test/support/require-postgres.ts'],
  },
});
