import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { countRows, insertAreas, saveTestIndicators, TIDY_HEADER, tidyCsv } from '../../../test/support/data-factories.ts';
import { exportObservations, importObservations } from './index.ts';

let handle: DatabaseHandle;
const clock = fixedClock('2024-05-01T09:00:00.000Z');

beforeEach(async () => {
  handle = await freshDatabase();
  await saveTestIndicators(handle.db, { code: 'REC' }, { code: '-CMD', aliases: [] }, { code: 'SPAN', periodType: 'multi_year' });
  await insertAreas(handle.db, ['E08000009', 'E08000003']);
  await importObservations(
    handle.db,
    tidyCsv('in.csv', [
      TIDY_HEADER,
      ['REC', 'E08000009', '2019/20', '56.89999999999999', '569', '1000', '', '', '', ''],
      ['REC', 'E08000003', '2019/20', '-3.5', '', '', '120', '-4', '-3', 'provisional'],
      ['-CMD', 'E08000009', '2019/20', '', '', '', '', '', '', 'suppressed'],
      ['SPAN', 'E08000009', '2014-17', '12', '', '', '', '', '', ''],
    ]),
    { clock },
  );
});
afterEach(async () => {
  await handle.close();
});

describe('exportObservations', () => {
  it('writes the tidy CSV: labels for periods, values exactly as stored, formulas neutralised but numbers not', async () => {
    const csv = await exportObservations(handle.db, { format: 'csv' });
    expect(csv.split('\n')).toEqual([
      TIDY_HEADER.join(','),
      "'-CMD,E08000009,2019/20,,,,,,,suppressed",
      'REC,E08000003,2019/20,-3.5,,,120,-4,-3,provisional',
      'REC,E08000009,2019/20,56.89999999999999,569,1000,,,,final',
      'SPAN,E08000009,2014-17,12,,,,,,final',
      '',
    ]);
  });

  it('filters by indicator and area', async () => {
    const csv = await exportObservations(handle.db, { format: 'csv', indicator: 'REC', area: 'E08000003' });
    expect(csv.trim().split('\n')).toHaveLength(2);
  });

  it('writes JSON that imports again unchanged, as does the CSV (without the formula guard’s row)', async () => {
    const json = await exportObservations(handle.db, { format: 'json', indicator: 'REC' });
    expect(JSON.parse(json).observations[1]).toEqual({
      indicator: 'REC',
      area: 'E08000009',
      period: '2019/20',
      value: 56.89999999999999,
      numerator: 569,
      denominator: 1000,
      sample_size: null,
      ci_lower: null,
      ci_upper: null,
      status: 'final',
    });
    expect(await importObservations(handle.db, { name: 'out.json', content: json }, { clock })).toMatchObject({
      rowsWritten: 0,
      rowsUnchanged: 2,
    });
    const csv = await exportObservations(handle.db, { format: 'csv', area: 'E08000009' });
    const reimportable = csv
      .split('\n')
      .filter((l) => !l.startsWith("'"))
      .join('\n');
    expect(await importObservations(handle.db, { name: 'out.csv', content: reimportable }, { clock })).toMatchObject({
      rowsWritten: 0,
      rowsUnchanged: 2,
    });
    expect(await countRows(handle.db, 'observation')).toBe(4);
  });

  it('exports as published on a date', async () => {
    clock.set('2024-06-01T00:00:00.000Z');
    await importObservations(
      handle.db,
      tidyCsv('c.csv', [TIDY_HEADER, ['REC', 'E08000009', '2019/20', '57', '', '', '', '', '', '']]),
      { clock },
    );
    expect(
      await exportObservations(handle.db, { format: 'csv', indicator: 'REC', area: 'E08000009', asOf: '2024-05-15' }),
    ).toContain(',56.89999999999999,');
    expect(await exportObservations(handle.db, { format: 'csv', indicator: 'REC', area: 'E08000009' })).toContain(',57,');
  });
});
