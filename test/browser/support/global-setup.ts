/**
 * Once per run: check the browser is there (fail, never skip), start the real server with the demo
 * data and hand its address to the tests (inject('baseUrl')); stop it at the end.
 */
import type { TestProject } from 'vitest/node';
import { requireChromium } from './chromium.ts';
import { startServer } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  requireChromium();
  const server = await startServer();
  project.provide('baseUrl', server.baseUrl);
  project.provide('databaseUrl', server.databaseUrl);
  return () => server.stop();
}
