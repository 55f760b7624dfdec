/**
 * The case pages' test world: the app on a fresh database with the cases test data (eight
 * metropolitan districts and their recycling rates, see cases-factories.ts) and the triggers run, so
 * that Ashford has an open case fired by two rules and Barton one fired by one, on 1 June 2025.
 */
import { cliActor } from '../../src/modules/accounts/index.ts';
import { listCases, runTriggers } from '../../src/modules/improvement/index.ts';
import { freshApp, type TestApp } from './app.ts';
import { ASHFORD, BARTON, CARLOW, RECYCLING, seedCasesWorld } from './cases-factories.ts';

export const CASES_NOW = '2025-06-01T09:00:00.000Z';

export async function casesApp(): Promise<TestApp> {
  const t = await freshApp(CASES_NOW);
  await seedCasesWorld(t.database.db);
  await runTriggers(t.database.db, cliActor(), { clock: t.clock });
  return t;
}

/** The id of the open case on a council's recycling rate. */
export async function openCaseOf(t: TestApp, bodyId: string): Promise<number> {
  const { cases } = await listCases(t.database.db, { status: 'open', bodyId, indicatorCode: RECYCLING });
  const found = cases[0];
  if (!found) throw new Error(`no open case for ${bodyId} on ${RECYCLING}`);
  return found.id;
}

export { ASHFORD, BARTON, CARLOW, RECYCLING };
