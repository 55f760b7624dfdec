import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../platform/clock.ts';
import type { PlanImportReport } from '../../index.ts';
import { HeldFiles } from './held-files.ts';

const report: PlanImportReport = {
  fileName: 'plans.json',
  format: 'json',
  dryRun: true,
  plans: [],
  nationalPriorities: { created: 0, updated: 0, unchanged: 0 },
  changed: false,
};
const file = (bytes: number) => ({ name: 'plans.json', content: Buffer.alloc(bytes), publish: false, report });
const me = { personId: 'p1', sessionKey: 's1' };

describe('held plan files', () => {
  it('are given back only to the person and session that checked them', () => {
    const held = new HeldFiles({ clock: fixedClock('2025-06-01T09:00:00.000Z'), maxBytes: 1000 });
    const id = held.hold(me, file(10));
    expect(held.get(id, me)?.name).toBe('plans.json');
    expect(held.get(id, { ...me, sessionKey: 's2' })).toBeUndefined();
    expect(held.get(id, { ...me, personId: 'p2' })).toBeUndefined();
    held.release(id);
    expect(held.get(id, me)).toBeUndefined();
  });

  it('are forgotten after an hour, and the oldest give way when the total is too large', () => {
    const clock = fixedClock('2025-06-01T09:00:00.000Z');
    const held = new HeldFiles({ clock, maxBytes: 100 });
    const first = held.hold(me, file(60));
    const second = held.hold(me, file(60));
    expect(held.get(first, me)).toBeUndefined();
    expect(held.get(second, me)).toBeDefined();
    clock.set('2025-06-01T10:00:00.001Z');
    expect(held.get(second, me)).toBeUndefined();
  });
});
