/**
 * The plans pages' test world: the app on a fresh database with the plans test data (areas, bodies,
 * indicators and figures), the example plans imported and their targets judged, on 1 June 2025.
 */
import { cliActor } from '../../src/modules/accounts/index.ts';
import { assessTargets, importPlans } from '../../src/modules/plans/index.ts';
import { freshApp, type TestApp } from './app.ts';
import { examplePlans, planJson, seedPlansWorld } from './plans-factories.ts';

export const PLANS_NOW = '2025-06-01T09:00:00.000Z';

export async function plansApp(opts: { imported?: boolean; plans?: ReturnType<typeof examplePlans> } = {}): Promise<TestApp> {
  const t = await freshApp(PLANS_NOW);
  await seedPlansWorld(t.database.db);
  if (opts.imported ?? true) {
    await importPlans(t.database.db, cliActor(), planJson(opts.plans ?? examplePlans()), { clock: t.clock });
    await assessTargets(t.database.db, cliActor(), {}, { clock: t.clock });
  }
  return t;
}
