import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { countRows, insertAreas, saveTestIndicators, TIDY_HEADER, tidyCsv } from '../../../test/support/data-factories.ts';
import { getSeries, importObservationRows, importObservations, queryObservations } from './index.ts';

let handle: DatabaseHandle;
const clock = fixedClock('2024-05-01T09:00:00.000Z');

beforeEach(async () => {
  handle = await freshDatabase();
  clock.set('2024-05-01T09:00:00.000Z');
  await saveTestIndicators(
    handle.db,
    { code: 'REC', aliases: [{ scheme: 'NI', alias: '192' }] },
    {
      code: 'POP',
      unit: 'count',
      areaAggregation: 'sum',
      timeAggregation: 'latest',
      periodType: 'day',
      numeratorDefinition: null,
      denominatorDefinition: null,
    },
  );
  await insertAreas(handle.db, ['E08000009', 'E08000003', 'E06000023']);
});
afterEach(async () => {
  await handle.close();
});

const good = tidyCsv('good.csv', [
  TIDY_HEADER,
  ['REC', 'E08000009', '2015/16', '60.4', '', '', '', '', '', ''],
  ['REC', 'E08000009', '2016-17', '61.3', '613', '1000', '', '', '', 'final'],
  ['192', 'E08000003', '201617', '40.1', '', '', '900', '38.1', '42.2', 'provisional'],
  ['REC', 'E06000023', 'FY2017', '', '', '', '', '', '', 'suppressed'],
]);

describe('importing the tidy format', () => {
  it('writes every row as revision 1 and reads the periods however they were spelt', async () => {
    const summary = await importObservations(handle.db, good, { clock });
    expect(summary).toMatchObject({
      reader: 'tidy-csv',
      rowsRead: 4,
      rowsWritten: 4,
      rowsUnchanged: 0,
      rowsRejected: 0,
      problems: [],
    });
    const series = await getSeries(handle.db, 'REC', 'E08000009');
    expect(series.map((o) => [o.period, o.periodLabel, o.value, o.revision, o.status])).toEqual([
      ['FY2015', '2015/16', 60.4, 1, 'final'],
      ['FY2016', '2016/17', 61.3, 1, 'final'],
    ]);
    expect(series[1]).toMatchObject({
      numerator: 613,
      denominator: 1000,
      indicatorVersion: 1,
      publishedAt: '2024-05-01T09:00:00.000Z',
      periodStart: '2016-04-01',
      periodEnd: '2017-03-31',
    });
    const [alias] = (await queryObservations(handle.db, { area: 'E08000003', limit: 10, offset: 0 })).items;
    expect(alias).toMatchObject({
      indicatorCode: 'REC',
      period: 'FY2016',
      value: 40.1,
      sampleSize: 900,
      ciLower: 38.1,
      ciUpper: 42.2,
      status: 'provisional',
    });
    expect(await countRows(handle.db, 'import_batch')).toBe(1);
  });

  it('refuses a file with one bad row, naming line, column, value and reason, and changes nothing', async () => {
    await importObservations(handle.db, good, { clock });
    const [observations, batches] = [await countRows(handle.db, 'observation'), await countRows(handle.db, 'import_batch')];
    const bad = tidyCsv('bad.csv', [
      TIDY_HEADER,
      ['REC', 'E08000009', '2017/18', '58.5', '', '', '', '', '', ''],
      ['REC', 'E08000009', '2018/19', 'abc', '', '', '', '', '', ''],
    ]);
    const error = await importObservations(handle.db, bad, { clock }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe('bad.csv: 1 problem found; nothing was imported');
    expect((error as ValidationError).details).toEqual([
      { line: 3, field: 'value', value: 'abc', reason: expect.stringMatching(/value must be a number/) },
    ]);
    expect(await countRows(handle.db, 'observation')).toBe(observations);
    expect(await countRows(handle.db, 'import_batch')).toBe(batches);
  });

  it('reports every bad row of a file at once', async () => {
    const bad = tidyCsv('bad.csv', [
      TIDY_HEADER,
      ['NOPE', 'E08000009', '2015/16', '1', '', '', '', '', '', ''],
      ['REC', 'E99999999', '2015/16', '1', '', '', '', '', '', ''],
      ['REC', 'E08000009', '2015', '1', '', '', '', '', '', ''],
      ['REC', 'E08000009', '2015/17', '1', '', '', '', '', '', ''],
      ['REC', 'E08000009', '2016/17', '1', '3', '', '', '', '', ''],
      ['REC', 'E08000009', '2016/17', '', '', '', '', '', '', 'final'],
      ['REC', 'E08000009', '2018/19', '1', '', '', '', '', '', 'estimated'],
      ['REC', 'E08000009', '2019/20', '1', '', '', '', '', '', ''],
      ['REC', 'E08000009', '2019-20', '2', '', '', '', '', '', ''],
      ['REC', 'E08000009', '2020/21', '1', '', ''],
      ['POP', 'E08000009', '2022-06-31', '1', '', '', '', '', '', ''],
    ]);
    const error = (await importObservations(handle.db, bad, { clock }).catch((e: unknown) => e)) as ValidationError;
    expect(error.details.map((d) => [d.line, d.field, d.value])).toEqual([
      [2, 'indicator', 'NOPE'],
      [3, 'area', 'E99999999'],
      [4, 'period', '2015'],
      [5, 'period', '2015/17'],
      [6, 'denominator', ''],
      [7, 'value', ''],
      [8, 'status', 'estimated'],
      [10, 'period', '2019-20'],
      [11, undefined, undefined],
      [12, 'period', '2022-06-31'],
    ]);
    const reasons = error.details.map((d) => d.reason);
    expect(reasons[0]).toBe("'NOPE' is not a known indicator code or alias");
    expect(reasons[1]).toMatch(/E99999999 is not a known area code/);
    expect(reasons[2]).toMatch(/'2015' is a single year, not a financial year/);
    expect(reasons[3]).toMatch(/'2015\/17' is not a financial year: the second year must follow the first/);
    expect(reasons[7]).toBe('the same indicator, area and period as line 9');
    expect(reasons[8]).toBe('the row has 6 cells but the header has 10');
    expect(await countRows(handle.db, 'observation')).toBe(0);
  });

  it('lists at most 1,000 problems and counts the rest', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => [
      'REC',
      'E08000009',
      `${1900 + (i % 200)}/${String((1901 + (i % 200)) % 100).padStart(2, '0')}`,
      'x',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    const error = (await importObservations(handle.db, tidyCsv('many.csv', [TIDY_HEADER, ...rows]), { clock }).catch(
      (e: unknown) => e,
    )) as ValidationError;
    expect(error.message).toBe('many.csv: 1500 problems found; nothing was imported');
    expect(error.details).toHaveLength(1001);
    expect(error.details.at(-1)).toEqual({ reason: 'and 500 more problems not listed' });
  });

  it('refuses a header it does not know, naming the columns', async () => {
    const file = tidyCsv('h.csv', [
      ['indicator', 'area', 'period', 'vlaue'],
      ['REC', 'E08000009', '2015/16', '1'],
    ]);
    const error = (await importObservations(handle.db, file, { clock }).catch((e: unknown) => e)) as ValidationError;
    expect(error.details).toEqual([
      { line: 1, field: 'value', reason: 'required column is missing from the header' },
      expect.objectContaining({ line: 1, field: 'vlaue', reason: expect.stringMatching(/unknown column/) }),
    ]);
  });
});

describe('revisions', () => {
  it('the same file again writes nothing and records no import', async () => {
    await importObservations(handle.db, good, { clock });
    clock.advance(86_400_000);
    const again = await importObservations(handle.db, good, { clock });
    expect(again).toMatchObject({ rowsRead: 4, rowsWritten: 0, rowsUnchanged: 4 });
    expect(await countRows(handle.db, 'observation')).toBe(4);
    expect(await countRows(handle.db, 'import_batch')).toBe(1);
  });

  it('a changed figure becomes revision 2; as-of before the change reads revision 1; nothing is overwritten', async () => {
    await importObservations(handle.db, good, { clock });
    clock.set('2024-06-01T12:00:00.000Z');
    const changed = tidyCsv('changed.csv', [
      TIDY_HEADER,
      ['REC', 'E08000009', '2015/16', '60.40000000000001', '', '', '', '', '', ''],
      ['REC', 'E08000009', '2016/17', '61.3', '613', '1000', '', '', '', 'final'],
    ]);
    expect(await importObservations(handle.db, changed, { clock })).toMatchObject({ rowsWritten: 1, rowsUnchanged: 1 });
    const now = await getSeries(handle.db, 'REC', 'E08000009');
    expect(now.map((o) => [o.period, o.value, o.revision, o.publishedAt])).toEqual([
      ['FY2015', 60.40000000000001, 2, '2024-06-01T12:00:00.000Z'],
      ['FY2016', 61.3, 1, '2024-05-01T09:00:00.000Z'],
    ]);
    const before = await getSeries(handle.db, 'REC', 'E08000009', '2024-05-31');
    expect(before.map((o) => [o.period, o.value, o.revision])).toEqual([
      ['FY2015', 60.4, 1],
      ['FY2016', 61.3, 1],
    ]);
    expect(await getSeries(handle.db, 'REC', 'E08000009', '2024-04-30')).toEqual([]);
    expect((await getSeries(handle.db, 'REC', 'E08000009', '2024-06-01T12:00:00.000Z'))[0]).toMatchObject({ revision: 2 });
    const history = await handle.db
      .selectFrom('observation')
      .selectAll()
      .where('period', '=', 'FY2015')
      .where('area_code', '=', 'E08000009')
      .orderBy('revision')
      .execute();
    expect(history.map((r) => [r.revision, r.value, r.superseded_at])).toEqual([
      [1, 60.4, '2024-06-01T12:00:00.000Z'],
      [2, 60.40000000000001, null],
    ]);
    expect(await countRows(handle.db, 'import_batch')).toBe(2);
  });

  it('a change of status alone is a revision; a third change is revision 3', async () => {
    const row = (value: string, status: string) =>
      tidyCsv('s.csv', [TIDY_HEADER, ['REC', 'E08000009', '2015/16', value, '', '', '', '', '', status]]);
    await importObservations(handle.db, row('60.4', 'provisional'), { clock });
    clock.advance(1000);
    await importObservations(handle.db, row('60.4', 'final'), { clock });
    clock.advance(1000);
    await importObservations(handle.db, row('', 'suppressed'), { clock });
    const [o] = await getSeries(handle.db, 'REC', 'E08000009');
    expect(o).toMatchObject({ revision: 3, value: null, status: 'suppressed' });
    expect(await countRows(handle.db, 'observation')).toBe(3);
  });
});

describe('importing JSON and rows from code', () => {
  it('reads { observations: [...] } and names the line of a bad observation', async () => {
    const json = `{\n  "observations": [\n    { "indicator": "REC", "area": "E08000009", "period": "2015/16", "value": 60.4 },\n    {\n      "indicator": "REC", "area": "E08000009", "period": "2016/17", "value": "n/a"\n    }\n  ]\n}\n`;
    const error = (await importObservations(handle.db, { name: 'o.json', content: json }, { clock }).catch(
      (e: unknown) => e,
    )) as ValidationError;
    expect(error.details).toEqual([expect.objectContaining({ line: 4, field: 'value', value: 'n/a' })]);
    const ok = json.replace('"n/a"', '56.89999999999999');
    expect(await importObservations(handle.db, { name: 'o.json', content: ok }, { clock })).toMatchObject({
      reader: 'tidy-json',
      rowsWritten: 2,
    });
    expect((await getSeries(handle.db, 'REC', 'E08000009'))[1]!.value).toBe(56.89999999999999);
  });

  it('reads a bare array and refuses unknown fields', async () => {
    const json = JSON.stringify([{ indicator: 'REC', area: 'E08000009', period: 'FY2015', value: 1, colour: 'red' }]);
    const error = (await importObservations(handle.db, { name: 'o.json', content: json }, { clock }).catch(
      (e: unknown) => e,
    )) as ValidationError;
    expect(error.details).toEqual([
      expect.objectContaining({ line: 1, field: 'colour', reason: expect.stringMatching(/unknown field/) }),
    ]);
  });

  it('imports rows from an async iterable, with the indicator given once', async () => {
    async function* rows() {
      yield { area: 'E08000009', period: '2015/16', value: 60.4 } as never;
      yield { area: 'E08000003', period: '2015/16', value: '41' } as never;
    }
    const summary = await importObservationRows(handle.db, rows(), { clock, indicator: 'REC', name: 'generated' });
    expect(summary).toMatchObject({ reader: 'tidy-rows', rowsWritten: 2 });
    const batch = await handle.db.selectFrom('import_batch').selectAll().executeTakeFirstOrThrow();
    expect(batch).toMatchObject({ file_name: 'generated', reader: 'tidy-rows', rows_read: 2, rows_written: 2 });
  });

  it('refuses a row for another indicator than the one the import is for', async () => {
    const file = tidyCsv('x.csv', [TIDY_HEADER, ['POP', 'E08000009', '2022-06-30', '1', '', '', '', '', '', '']]);
    const error = (await importObservations(handle.db, file, { clock, indicator: 'REC' }).catch(
      (e: unknown) => e,
    )) as ValidationError;
    expect(error.details[0]?.reason).toBe('this import is for REC, but the row is for POP');
  });
});
