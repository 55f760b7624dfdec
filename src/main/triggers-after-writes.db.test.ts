import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshApp, type TestApp } from '../../test/support/app.ts';
import { signInWithRole } from '../../test/support/accounts-web.ts';
import { ASHFORD, publishPeriod, seedCasesWorld } from '../../test/support/cases-factories.ts';
import { plansAssessmentOf } from './app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await freshApp('2025-06-01T09:00:00.000Z');
  await seedCasesWorld(t.database.db);
});
afterEach(async () => t.close());

const cases = async () =>
  (await t.database.db.selectFrom('ladder_case').select(['body_id', 'state']).orderBy('id').execute()).map(
    (r) => `${r.body_id} ${r.state}`,
  );
const runsAudited = async () =>
  (await t.database.db.selectFrom('audit_event').select('id').where('action', '=', 'triggers.run').execute()).length;

describe('the server runs the triggers after the targets are judged', () => {
  it('opens cases before answering a write that wrote something, and runs again only once the figures change', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
    expect(await cases()).toEqual([]);
    await signInWithRole(t.app, t.database.db, 'administrator');
    expect(await cases()).toEqual(['ashford-council open', 'barton-council open']);
    expect(await runsAudited()).toBe(1);

    await signInWithRole(t.app, t.database.db, 'assessor');
    expect(await cases()).toHaveLength(2);

    await publishPeriod(t.database.db, 'FY2024', { [ASHFORD.area]: 15 });
    await signInWithRole(t.app, t.database.db, 'assessor');
    await plansAssessmentOf(t.app).idle();
    expect(await runsAudited()).toBe(2);
    expect(await cases()).toHaveLength(2);
  });
});
