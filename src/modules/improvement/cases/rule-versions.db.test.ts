import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../platform/db/database.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { ForbiddenError, ValidationError } from '../../../platform/errors.ts';
import { freshDatabase } from '../../../../test/support/database.ts';
import { personWithRole } from '../../../../test/support/accounts-factories.ts';
import { ASHFORD, BARTON, casesClock, RECYCLING, seedCasesWorld } from '../../../../test/support/cases-factories.ts';
import { cliActor } from '../../accounts/index.ts';
import { listAuditEvents } from '../../audit/index.ts';
import { addRuleVersion, listCases, listRuleVersions, rulesInForce, runTriggers } from './index.ts';

let handle: DatabaseHandle;
let db: Executor;
let clock: ReturnType<typeof casesClock>;

beforeEach(async () => {
  clock = casesClock();
  handle = await freshDatabase();
  db = handle.db;
  await seedCasesWorld(db);
});
afterEach(async () => handle.close());

describe('addRuleVersion', () => {
  it("adds a version for one council's scope, which the engine then uses there and only there", async () => {
    const assessor = (await personWithRole(db, 'assessor')).actor;
    const added = await addRuleVersion(
      db,
      assessor,
      { kind: 'bottom_quartile', bodyId: BARTON.bodyId, params: { periods: '5' }, reason: 'Barton is improving' },
      { clock },
    );
    expect(added).toMatchObject({
      kind: 'bottom_quartile',
      bodyId: BARTON.bodyId,
      indicatorCode: '*',
      version: 1,
      enabled: true,
    });
    expect(added.params).toMatchObject({ periods: 5, comparator: 'nearest', recoveryPeriods: 2 });
    // the defaults were stored with it, as version 1 of each general rule
    expect((await listRuleVersions(db)).filter((v) => v.createdBy === 'system: default rules').length).toBeGreaterThan(0);
    expect((await listAuditEvents(db, { action: 'trigger_rule.add_version' })).total).toBe(1);

    await runTriggers(db, cliActor(), { clock });
    expect((await listCases(db, { bodyId: BARTON.bodyId })).total).toBe(0);
    expect((await listCases(db, { bodyId: ASHFORD.bodyId })).total).toBe(1);
  });

  it('switches a rule off for an indicator, as a new version of that scope', async () => {
    await addRuleVersion(
      db,
      cliActor(),
      { kind: 'red_red', indicatorCode: RECYCLING, enabled: false, reason: 'Under review' },
      { clock },
    );
    const second = await addRuleVersion(
      db,
      cliActor(),
      { kind: 'red_red', indicatorCode: RECYCLING, enabled: true, reason: 'Reviewed' },
      { clock },
    );
    expect(second.version).toBe(2);
    const inForce = (await rulesInForce(db)).filter((v) => v.kind === 'red_red');
    expect(inForce.map((v) => `${v.indicatorCode} v${v.version} ${v.enabled}`).sort()).toEqual(['* v1 true', 'RECY v2 true']);
  });

  it('is refused to a council, and for bad or unchanged values, naming each field, changing nothing', async () => {
    const officer = (await personWithRole(db, 'performance_officer', { bodyId: ASHFORD.bodyId })).actor;
    await expect(
      addRuleVersion(db, officer, { kind: 'red_red', bodyId: ASHFORD.bodyId, enabled: false, reason: 'x' }, { clock }),
    ).rejects.toThrow(ForbiddenError);
    const bad = addRuleVersion(
      db,
      cliActor(),
      { kind: 'sideways', bodyId: 'nowhere', indicatorCode: 'NOPE', reason: ' ' },
      { clock },
    );
    await expect(bad).rejects.toThrow(ValidationError);
    await bad.catch((e: ValidationError) =>
      expect(e.details.map((d) => d.field)).toEqual(['kind', 'bodyId', 'indicatorCode', 'reason']),
    );
    const params = addRuleVersion(
      db,
      cliActor(),
      { kind: 'bottom_quartile', params: { periods: 0, weeks: 2 }, reason: 'x' },
      { clock },
    );
    await params.catch((e: ValidationError) => expect(e.details.map((d) => d.field).sort()).toEqual(['periods', 'weeks']));
    const same = addRuleVersion(db, cliActor(), { kind: 'bottom_quartile', params: { periods: 2 }, reason: 'x' }, { clock });
    await expect(same).rejects.toThrow(/nothing would change/);
    expect(await listRuleVersions(db)).toEqual([]);
  });
});
