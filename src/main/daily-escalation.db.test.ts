import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../platform/db/database.ts';
import { freshDatabase } from '../../test/support/database.ts';
import { ASHFORD, BARTON, casesClock, seedCasesWorld } from '../../test/support/cases-factories.ts';
import { cliActor } from '../modules/accounts/index.ts';
import { listCases, runTriggers } from '../modules/improvement/index.ts';
import { overdueEscalation } from './daily-escalation.ts';

let handle: DatabaseHandle;
let clock: ReturnType<typeof casesClock>;
beforeEach(async () => {
  clock = casesClock();
  handle = await freshDatabase();
  await seedCasesWorld(handle.db);
  await runTriggers(handle.db, cliActor(), { clock });
});
afterEach(async () => handle.close());

const caseOf = async (bodyId: string) => (await listCases(handle.db, { bodyId })).cases[0]!;

describe("the server's daily look at overdue cases", () => {
  it('escalates on the first look of a day, as the system, and not again that day', async () => {
    const look = overdueEscalation(handle.db, clock);
    expect(await look()).toEqual([]);
    clock.advance(91 * 86_400_000);
    const escalated = await look();
    expect([...escalated!].sort()).toEqual([(await caseOf(ASHFORD.bodyId)).id, (await caseOf(BARTON.bodyId)).id].sort());
    expect((await caseOf(ASHFORD.bodyId)).rung).toBe(2);
    clock.advance(60 * 60 * 1000);
    expect(await look()).toBeNull();
  });
});
