import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { cliActor } from '../accounts/index.ts';
import { insertAreas, saveTestIndicators, TIDY_HEADER, tidyCsv } from '../../../test/support/data-factories.ts';
import { assessQuality, importObservations, setCollectionDeadline } from './index.ts';

let handle: DatabaseHandle;
const clock = fixedClock('2024-05-01T09:00:00.000Z');
const areas = Array.from({ length: 10 }, (_, i) => `E0800000${i}`);
const years = [2015, 2016, 2017, 2018, 2019, 2020];
const label = (y: number) => `${y}/${String((y + 1) % 100).padStart(2, '0')}`;

/** Area i: 50 + 2i, rising 0.5 a year with a little wobble; the last area jumps by 30 in 2020/21. */
function value(i: number, t: number): string {
  const v = 50 + 2 * i + 0.5 * t + (((i + t) % 3) - 1) * 0.2 + (i === 9 && t === 5 ? 30 : 0);
  return String(Math.round(v * 10) / 10);
}

function yearFile(y: number, skip: string[] = []) {
  const t = years.indexOf(y);
  return tidyCsv(`${y}.csv`, [
    TIDY_HEADER,
    ...areas.filter((a) => !skip.includes(a)).map((a, i) => ['REC', a, label(y), value(i, t), '', '', '', '', '', '']),
  ]);
}

beforeEach(async () => {
  handle = await freshDatabase();
  clock.set('2024-05-01T09:00:00.000Z');
  await saveTestIndicators(handle.db, { code: 'REC', areaTypes: ['metropolitan_district'] });
  await insertAreas(handle.db, [
    ...areas,
    'E08000011', // expected, never reported
    { code: 'E08000099', validTo: '2019-03-31' }, // retired: not expected
    { code: 'W06000001', type: 'metropolitan_district' }, // a country with no data: out of scope
  ]);
  for (const y of years.slice(0, 5)) await importObservations(handle.db, yearFile(y), { clock });
});
afterEach(async () => {
  await handle.close();
});

describe('assessQuality', () => {
  it('completeness: expected areas of the indicator’s types in the countries with data, received, missing', async () => {
    await importObservations(handle.db, yearFile(2020, ['E08000003']), { clock });
    const q = await assessQuality(handle.db, 'REC', '2020/21', { clock });
    expect(q.period.key).toBe('FY2020');
    expect(q.completeness).toEqual({
      expected: 11,
      received: 9,
      ratio: 9 / 11,
      missing: ['E08000003', 'E08000011'],
      countries: ['E92000001'],
    });
  });

  it('outliers and breaks in series: the area that jumped', async () => {
    await importObservations(handle.db, yearFile(2020), { clock });
    const q = await assessQuality(handle.db, 'REC', 'FY2020', { clock });
    expect(q.outliers.map((o) => [o.areaCode, o.value])).toEqual([[areas[9], 100.7]]);
    expect(q.breaks).toEqual([
      expect.objectContaining({
        areaCode: areas[9],
        previousPeriod: 'FY2019',
        previousValue: 70,
        value: 100.7,
        change: expect.closeTo(30.7, 6),
      }),
    ]);
    const before = await assessQuality(handle.db, 'REC', 'FY2019', { clock });
    expect(before.breaks).toEqual([]);
  });

  it('an outlier among the areas of one period', async () => {
    const rows = areas.map((a, i) => ['REC', a, '2021/22', i === 0 ? '500' : String(60 + (i % 3)), '', '', '', '', '', '']);
    await importObservations(handle.db, tidyCsv('o.csv', [TIDY_HEADER, ...rows]), { clock });
    const q = await assessQuality(handle.db, 'REC', '2021/22', { clock });
    expect(q.outliers).toEqual([expect.objectContaining({ areaCode: areas[0], value: 500 })]);
  });

  it('timeliness against the collection deadline', async () => {
    expect((await assessQuality(handle.db, 'REC', 'FY2019', { clock })).timeliness).toEqual({
      dueDate: null,
      status: 'no_deadline',
      lateByDays: null,
      firstPublishedAt: '2024-05-01T09:00:00.000Z',
    });
    await setCollectionDeadline(handle.db, cliActor(), { indicator: 'REC', period: '2019/20', dueDate: '2024-04-28' }, { clock });
    expect((await assessQuality(handle.db, 'REC', 'FY2019', { clock })).timeliness).toMatchObject({
      status: 'late',
      lateByDays: 3,
    });
    await setCollectionDeadline(handle.db, cliActor(), { indicator: 'REC', period: 'FY2019', dueDate: '2024-05-01' }, { clock });
    expect((await assessQuality(handle.db, 'REC', 'FY2019', { clock })).timeliness).toMatchObject({
      status: 'on_time',
      lateByDays: null,
      dueDate: '2024-05-01',
    });
    await setCollectionDeadline(handle.db, cliActor(), { indicator: 'REC', period: '2020/21', dueDate: '2024-06-30' }, { clock });
    expect((await assessQuality(handle.db, 'REC', 'FY2020', { clock })).timeliness).toMatchObject({
      status: 'not_yet_due',
      firstPublishedAt: null,
    });
    clock.set('2024-07-10T00:00:00.000Z');
    expect((await assessQuality(handle.db, 'REC', 'FY2020', { clock })).timeliness).toMatchObject({
      status: 'overdue',
      lateByDays: 10,
    });
  });

  it('a comparability break when the definition changed between periods', async () => {
    await saveTestIndicators(handle.db, {
      code: 'REC',
      areaTypes: ['metropolitan_district'],
      numeratorDefinition: 'Tonnes recycled, now including rubble',
      comparabilityNote: 'From 2020/21 rubble counts as recycled.',
    });
    await importObservations(handle.db, yearFile(2020), { clock });
    const q = await assessQuality(handle.db, 'REC', 'FY2020', { clock });
    expect(q.comparabilityBreak).toEqual({
      fromPeriod: 'FY2019',
      toPeriod: 'FY2020',
      fromVersion: 1,
      toVersion: 2,
      note: 'From 2020/21 rubble counts as recycled.',
    });
    expect((await assessQuality(handle.db, 'REC', 'FY2019', { clock })).comparabilityBreak).toBeNull();
  });

  it('refuses an unknown indicator, a bad period and a bad date', async () => {
    await expect(assessQuality(handle.db, 'NOPE', 'FY2019', { clock })).rejects.toThrow(NotFoundError);
    await expect(assessQuality(handle.db, 'REC', '2019', { clock })).rejects.toThrow(ValidationError);
    await expect(
      setCollectionDeadline(handle.db, cliActor(), { indicator: 'REC', period: 'FY2019', dueDate: '2024-02-30' }, { clock }),
    ).rejects.toThrow(/not a date/);
  });
});
