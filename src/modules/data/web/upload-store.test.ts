import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../platform/clock.ts';
import type { SubmissionReport } from '../submission.types.ts';
import { UploadStore } from './upload-store.ts';

const report = (ok: boolean): SubmissionReport => ({
  ok,
  bodyId: 'trafford-council',
  fileName: 'figures.csv',
  fileSha256: 'abc',
  format: 'csv',
  reader: 'tidy-csv',
  problemCount: ok ? 0 : 1,
  problems: ok ? [] : [{ line: 2, reason: 'bad' }],
  summary: { rows: 1, goodRows: ok ? 1 : 0, indicators: [], periods: [], areas: 0, new: 0, revised: 0, unchanged: 0 },
});
const file = (bytes: number) => ({ name: 'figures.csv', content: Buffer.alloc(bytes, 'a') });
const jane = { personId: 'jane', sessionKey: 's1' };

describe('UploadStore', () => {
  it('gives a held file back to the person and session that uploaded it, and to nobody else', () => {
    const store = new UploadStore({ clock: fixedClock('2025-06-01T09:00:00Z') });
    const id = store.hold(jane, report(true), file(10));
    expect(id).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(store.get(id, jane)?.file?.content).toHaveLength(10);
    expect(store.get(id, { personId: 'jane', sessionKey: 's2' })).toBeUndefined();
    expect(store.get(id, { personId: 'john', sessionKey: 's1' })).toBeUndefined();
    expect(store.get('made-up', jane)).toBeUndefined();
  });

  it('keeps only the report of a file with problems', () => {
    const store = new UploadStore({ clock: fixedClock('2025-06-01T09:00:00Z') });
    const id = store.hold(jane, report(false), file(10));
    expect(store.get(id, jane)).toMatchObject({ file: null, report: { ok: false } });
    expect(store.heldBytes).toBe(0);
  });

  it('forgets a file after the time it is held for, and when released', () => {
    const clock = fixedClock('2025-06-01T09:00:00Z');
    const store = new UploadStore({ clock, ttlMs: 60_000 });
    const first = store.hold(jane, report(true), file(10));
    const second = store.hold(jane, report(true), file(10));
    clock.advance(59_999);
    expect(store.get(first, jane)).toBeDefined();
    store.release(second);
    expect(store.get(second, jane)).toBeUndefined();
    clock.advance(1);
    expect(store.get(first, jane)).toBeUndefined();
    expect([store.size, store.heldBytes]).toEqual([0, 0]);
  });

  it('holds a few files per person and a bounded number of bytes, dropping the oldest', () => {
    const store = new UploadStore({ clock: fixedClock('2025-06-01T09:00:00Z'), perPerson: 2, maxBytes: 25 });
    const a = store.hold(jane, report(true), file(10));
    const b = store.hold(jane, report(true), file(10));
    const c = store.hold(jane, report(true), file(10));
    expect([a, b, c].map((id) => store.get(id, jane) !== undefined)).toEqual([false, true, true]);
    const john = { personId: 'john', sessionKey: 's9' };
    const d = store.hold(john, report(true), file(10));
    expect([b, c].map((id) => store.get(id, jane) !== undefined)).toEqual([false, true]);
    expect(store.get(d, john)).toBeDefined();
    expect(store.heldBytes).toBe(20);
  });
});
