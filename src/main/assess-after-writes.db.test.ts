import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshApp, type TestApp } from '../../test/support/app.ts';
import { signInWithRole, Browser } from '../../test/support/accounts-web.ts';
import { seedObservations } from '../../test/support/analysis-factories.ts';
import { examplePlans, planJson, seedPlansWorld, TRAFFORD } from '../../test/support/plans-factories.ts';
import { accountUrls, cliActor } from '../modules/accounts/index.ts';
import { importPlans } from '../modules/plans/index.ts';
import { plansAssessmentOf } from './app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await freshApp('2025-06-01T09:00:00.000Z');
  await seedPlansWorld(t.database.db);
  await importPlans(t.database.db, cliActor(), planJson(examplePlans()), { clock: t.clock });
});
afterEach(async () => t.close());

const assessments = async () =>
  (await t.database.db.selectFrom('target_assessment').select(['target_key', 'period', 'status']).orderBy('id').execute()).map(
    (r) => `${r.target_key} ${r.period} ${r.status}`,
  );

describe('the server judges targets after each successful write request', () => {
  it('records statuses before answering a write that succeeded, and again once new figures are published; a refused write judges nothing', async () => {
    expect(await assessments()).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/plans' })).statusCode).toBe(200);
    expect(await assessments()).toEqual([]);
    await signInWithRole(t.app, t.database.db, 'administrator');
    expect((await assessments()).sort()).toEqual([
      'G1 FY2023 off_track',
      'N1 FY2023 at_risk',
      'N2 FY2023 on_track',
      'T1 FY2023 at_risk',
    ]);

    await seedObservations(t.database.db, 'REC', 'FY2024', [{ area: TRAFFORD, value: 61 }]);
    const refused = await new Browser(t.app).submit(accountUrls.signIn(), 'Sign in', {
      email: 'nobody@example.org',
      password: 'wrong',
    });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(await assessments()).toHaveLength(4);

    await signInWithRole(t.app, t.database.db, 'assessor');
    expect((await assessments()).slice(4).sort()).toEqual(['N1 FY2024 on_track', 'N2 FY2024 on_track', 'T1 FY2024 on_track']);
    await plansAssessmentOf(t.app).idle();
    expect(await assessments()).toHaveLength(7);
  });
});
