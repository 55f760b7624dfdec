import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { indicatorInput } from '../../../test/support/indicator-factories.ts';
import { getIndicator, listIndicatorVersions, saveIndicatorDefinitions } from './index.ts';

let h: DatabaseHandle;
let clock: ReturnType<typeof fixedClock>;
beforeEach(async () => {
  clock = fixedClock('2024-04-01T09:00:00.000Z');
  h = await freshDatabase();
});
afterEach(async () => {
  await h.close();
});

async function refusal(p: Promise<unknown>): Promise<ValidationError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ValidationError);
  return e as ValidationError;
}

describe('saveIndicatorDefinitions', () => {
  it('creates version 1, then leaves the same definition unchanged', async () => {
    const input = indicatorInput({ aliases: [{ scheme: 'NI', alias: '192' }] });
    expect(await saveIndicatorDefinitions(h.db, [input], clock)).toEqual({
      created: 1,
      versioned: 0,
      unchanged: 0,
      aliasesUpdated: 0,
    });
    clock.advance(1000);
    expect(await saveIndicatorDefinitions(h.db, [input], clock)).toEqual({
      created: 0,
      versioned: 0,
      unchanged: 1,
      aliasesUpdated: 0,
    });
    const def = await getIndicator(h.db, 'TEST1');
    expect(def).toMatchObject({ version: 1, createdAt: '2024-04-01T09:00:00.000Z', aliases: [{ scheme: 'NI', alias: '192' }] });
    expect(await listIndicatorVersions(h.db, 'TEST1')).toHaveLength(1);
  });

  it('records a wording change as a new version without a note', async () => {
    await saveIndicatorDefinitions(h.db, [indicatorInput()], clock);
    clock.advance(1000);
    const r = await saveIndicatorDefinitions(h.db, [indicatorInput({ title: 'Recycling rate', theme: 'waste' })], clock);
    expect(r.versioned).toBe(1);
    expect(await getIndicator(h.db, 'TEST1')).toMatchObject({ version: 2, title: 'Recycling rate', comparabilityNote: null });
  });

  it('refuses a definitional change without a comparability note, naming the fields', async () => {
    await saveIndicatorDefinitions(h.db, [indicatorInput()], clock);
    const e = await refusal(
      saveIndicatorDefinitions(h.db, [indicatorInput({ unit: 'ratio', periodType: 'calendar_year' })], clock),
    );
    expect(e.details).toEqual([
      expect.objectContaining({
        field: 'indicators[0].comparabilityNote',
        reason: expect.stringMatching(/unit, periodType.*comparability note/),
      }),
    ]);
    expect(await listIndicatorVersions(h.db, 'TEST1')).toHaveLength(1);
  });

  it('records a definitional change with a note as version 2 and keeps version 1 readable', async () => {
    await saveIndicatorDefinitions(h.db, [indicatorInput()], clock);
    clock.advance(86_400_000);
    const note = 'From 2024/25 the denominator excludes street sweepings; earlier years are about 1 point lower.';
    const r = await saveIndicatorDefinitions(
      h.db,
      [indicatorInput({ denominatorDefinition: 'Tonnes excluding sweepings', comparabilityNote: note })],
      clock,
    );
    expect(r).toEqual({ created: 0, versioned: 1, unchanged: 0, aliasesUpdated: 0 });
    expect(await getIndicator(h.db, 'TEST1')).toMatchObject({
      version: 2,
      comparabilityNote: note,
      createdAt: '2024-04-02T09:00:00.000Z',
    });
    expect(await getIndicator(h.db, 'TEST1', 1)).toMatchObject({
      version: 1,
      denominatorDefinition: 'Tonnes of household waste collected',
    });
    expect((await listIndicatorVersions(h.db, 'TEST1')).map((v) => v.version)).toEqual([1, 2]);
    expect(await getIndicator(h.db, 'TEST1', 3)).toBeUndefined();
  });

  it('replaces aliases, and refuses an alias another indicator uses, naming both codes', async () => {
    await saveIndicatorDefinitions(h.db, [indicatorInput({ aliases: [{ scheme: 'NI', alias: '192' }] })], clock);
    const moved = await saveIndicatorDefinitions(h.db, [indicatorInput({ aliases: [{ scheme: 'BVPI', alias: '82a' }] })], clock);
    expect(moved).toEqual({ created: 0, versioned: 0, unchanged: 0, aliasesUpdated: 1 });
    expect((await getIndicator(h.db, 'TEST1'))?.aliases).toEqual([{ scheme: 'BVPI', alias: '82a' }]);

    const e = await refusal(
      saveIndicatorDefinitions(h.db, [indicatorInput({ code: 'TEST2', aliases: [{ scheme: 'bvpi', alias: '82A' }] })], clock),
    );
    expect(e.details[0]?.reason).toMatch(/bvpi:82A of TEST2 is already used by indicator TEST1/);
    expect(await getIndicator(h.db, 'TEST2')).toBeUndefined();
  });

  it('lets two indicators swap an alias in one save', async () => {
    await saveIndicatorDefinitions(
      h.db,
      [indicatorInput({ aliases: [{ scheme: 'NI', alias: '192' }] }), indicatorInput({ code: 'TEST2' })],
      clock,
    );
    await saveIndicatorDefinitions(
      h.db,
      [indicatorInput(), indicatorInput({ code: 'TEST2', aliases: [{ scheme: 'NI', alias: '192' }] })],
      clock,
    );
    expect((await getIndicator(h.db, 'TEST1'))?.aliases).toEqual([]);
    expect((await getIndicator(h.db, 'TEST2'))?.aliases).toEqual([{ scheme: 'NI', alias: '192' }]);
  });

  it('writes nothing when one of several inputs is bad', async () => {
    const e = await refusal(
      saveIndicatorDefinitions(
        h.db,
        [indicatorInput({ code: 'GOOD' }), indicatorInput({ code: 'BAD', decimalPlaces: 9 })],
        clock,
      ),
    );
    expect(e.details).toEqual([expect.objectContaining({ field: 'indicators[1].decimalPlaces', value: 9 })]);
    expect(await getIndicator(h.db, 'GOOD')).toBeUndefined();
  });

  it('refuses the same code twice in one save', async () => {
    const e = await refusal(saveIndicatorDefinitions(h.db, [indicatorInput(), indicatorInput({ title: 'Again' })], clock));
    expect(e.details[0]).toMatchObject({ field: 'indicators[1].code', reason: expect.stringMatching(/more than once/) });
  });

  it('refuses a new code that differs from an existing one only by case', async () => {
    await saveIndicatorDefinitions(h.db, [indicatorInput({ code: 'NI192' })], clock);
    const e = await refusal(saveIndicatorDefinitions(h.db, [indicatorInput({ code: 'ni192' })], clock));
    expect(e.details[0]).toMatchObject({
      field: 'indicators[0].code',
      value: 'ni192',
      reason: expect.stringMatching(/NI192 only by case/),
    });
  });

  it('joins a transaction it is given', async () => {
    await h.db.transaction().execute(async (tx) => {
      await saveIndicatorDefinitions(tx, [indicatorInput()], clock);
    });
    expect(await getIndicator(h.db, 'TEST1')).toBeDefined();
  });
});
