/** The real files of data/indicators, through importObservations. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { ValidationError } from '../../platform/errors.ts';
import { getIndicator } from '../indicators/index.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import {
  countRows,
  dataFile,
  importDemoIndicators,
  insertAreas,
  insertAreasOfFile,
  OFLOG_FILE,
  RECYCLING_FILE,
  WARD_FILE,
  WARD_META_FILE,
} from '../../../test/support/data-factories.ts';
import { getSeries, getValuesForPeriod, importObservations, listPeriodsWithData, queryObservations } from './index.ts';

let handle: DatabaseHandle;
const clock = fixedClock('2024-05-01T09:00:00.000Z');

beforeEach(async () => {
  handle = await freshDatabase();
});
afterEach(async () => {
  await handle.close();
});

describe('Trafford Data Lab recycling rates', () => {
  beforeEach(async () => {
    await importDemoIndicators(handle.db);
    await insertAreasOfFile(handle.db, RECYCLING_FILE, 'area_code');
  });

  it('imports every council; Trafford reads back exactly as published', async () => {
    const summary = await importObservations(handle.db, dataFile(RECYCLING_FILE), { clock });
    expect(summary).toMatchObject({ reader: 'trafford-lab', rowsRead: 3205, rowsWritten: 3205, rowsUnchanged: 0 });
    const byPeriod = new Map((await getSeries(handle.db, 'NI192', 'E08000009')).map((o) => [o.periodLabel, o.value]));
    expect(byPeriod.get('2015/16')).toBe(60.4);
    expect(byPeriod.get('2023/24')).toBe(58.4);
    expect(byPeriod.get('2019/20')).toBe(56.89999999999999);
    expect(byPeriod.get('2020/21')).toBe(53.300000000000004);
  });

  it('reads the Scottish rows as calendar years, and NA as not available', async () => {
    await importObservations(handle.db, dataFile(RECYCLING_FILE), { clock });
    const scotland = await getSeries(handle.db, 'SCOT-HH-RECYCLING', 'S12000033');
    expect(scotland[0]).toMatchObject({ period: 'CY2015', periodLabel: '2015', value: 38.5, periodType: 'calendar_year' });
    const [bristol] = await getValuesForPeriod(handle.db, 'NI192', '2023/24', ['E06000023']);
    expect(bristol).toMatchObject({ value: null, status: 'not_available' });
    expect((await listPeriodsWithData(handle.db, 'NI192')).map((p) => p.label)).toEqual([
      '2015/16',
      '2016/17',
      '2017/18',
      '2018/19',
      '2019/20',
      '2020/21',
      '2021/22',
      '2022/23',
      '2023/24',
      '2024/25',
    ]);
  });

  it('the same file again changes nothing', async () => {
    await importObservations(handle.db, dataFile(RECYCLING_FILE), { clock });
    const again = await importObservations(handle.db, dataFile(RECYCLING_FILE), { clock });
    expect(again).toMatchObject({ rowsWritten: 0, rowsUnchanged: 3205 });
    expect(await countRows(handle.db, 'observation')).toBe(3205);
    expect(await countRows(handle.db, 'import_batch')).toBe(1);
  });
});

describe('Oflog adult social care', () => {
  beforeEach(async () => {
    await importDemoIndicators(handle.db);
    await insertAreasOfFile(handle.db, OFLOG_FILE, 'Local authority code');
  });

  it('imports every row; blank values are not available; desc/DESC/None/blank agree with the definitions', async () => {
    const summary = await importObservations(handle.db, dataFile(OFLOG_FILE), { clock });
    expect(summary).toMatchObject({ reader: 'oflog-asc', rowsRead: 6376, rowsWritten: 6376 });
    const missing = await queryObservations(handle.db, {
      indicator: 'ASC1',
      period: '2016-17',
      area: 'E06000053',
      limit: 5,
      offset: 0,
    });
    expect(missing.items[0]).toMatchObject({ value: null, status: 'not_available', period: 'FY2016' });
    const statuses = await handle.db.selectFrom('observation').select(['status']).where('status', '=', 'not_available').execute();
    expect(statuses).toHaveLength(298);
    const [darlington] = await getValuesForPeriod(handle.db, 'ASC1', 'FY2016', ['E06000005']);
    expect(darlington).toMatchObject({ value: 7.6, status: 'final' });
  });

  it('refuses a ranking direction that contradicts the definition', async () => {
    const text = dataFile(OFLOG_FILE).content.toString('utf8').split('\n');
    const line = text.findIndex((l) => l.includes(',ASC6,') && l.endsWith(',None'));
    text[line] = text[line]!.replace(/,None$/, ',desc');
    const asc1 = text.findIndex((l) => l.includes(',ASC1,') && l.endsWith(',desc'));
    text[asc1] = text[asc1]!.replace(/,desc$/, ',upwards');
    const error = (await importObservations(handle.db, { name: 'oflog.csv', content: text.join('\n') }, { clock }).catch(
      (e: unknown) => e,
    )) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.details).toEqual(
      [
        {
          line: line + 1,
          field: 'rank_order',
          value: 'desc',
          reason: 'rank_order desc means higher is better, but ASC6 is defined as none: correct the file or the definition',
        },
        {
          line: asc1 + 1,
          field: 'rank_order',
          value: 'upwards',
          reason: "'upwards' is not a ranking direction: use desc, asc, None or leave it empty",
        },
      ].sort((a, b) => a.line - b.line),
    );
    expect(await countRows(handle.db, 'observation')).toBe(0);
  });
});

describe('Trafford ward indicators with their metadata', () => {
  beforeEach(async () => {
    await insertAreasOfFile(handle.db, WARD_FILE, 'area_code');
  });

  const importWards = () => importObservations(handle.db, dataFile(WARD_FILE), { clock, meta: dataFile(WARD_META_FILE) });

  it('creates the definitions from the meta file and imports every ward figure', async () => {
    const summary = await importWards();
    // 1,008 rows: 105 age-band Count rows become numerators
    expect(summary).toMatchObject({
      reader: 'trafford-ward',
      rowsRead: 1008,
      rowsWritten: 903,
      skipped: [{ count: 105, reason: expect.any(String) }],
    });
    const broadband = await getIndicator(handle.db, 'TWD-average-broadband-speed');
    expect(broadband).toMatchObject({
      title: 'Average broadband speed',
      theme: 'communications',
      source: 'Ofcom',
      polarity: 'higher_is_better',
      periodType: 'month',
      areaTypes: ['metropolitan_district', 'ward'],
    });
    expect(await getIndicator(handle.db, 'TWD-index-of-multiple-deprivation')).toMatchObject({
      polarity: 'none',
      unit: 'score',
      periodType: 'calendar_year',
    });
    expect(await getIndicator(handle.db, 'TWD-total-resident-population')).toMatchObject({
      unit: 'count',
      areaAggregation: 'sum',
      periodType: 'day',
    });
    expect(await getIndicator(handle.db, 'TWD-residents-no-qualifications-count')).toMatchObject({
      unit: 'count',
      areaAggregation: 'sum',
    });
    expect(await getIndicator(handle.db, 'TWD-residents-no-qualifications')).toMatchObject({
      unit: 'percentage',
      areaAggregation: 'none',
    });
  });

  it('makes one ratio indicator of each population age band: percentage over count over total population', async () => {
    await importWards();
    expect(await getIndicator(handle.db, 'TWD-population-0-15-years')).toMatchObject({
      unit: 'percentage',
      areaAggregation: 'ratio',
      periodType: 'day',
    });
    expect(await getIndicator(handle.db, 'TWD-population-0-15-years-count')).toBeUndefined();
    const [altrincham] = await getValuesForPeriod(handle.db, 'TWD-population-0-15-years', '2022-06-30', ['E05015239']);
    const [total] = await getValuesForPeriod(handle.db, 'TWD-total-resident-population', 'D2022-06-30', ['E05015239']);
    expect(altrincham!.denominator).toBe(total!.value);
    expect(Math.abs(altrincham!.value! - (100 * altrincham!.numerator!) / altrincham!.denominator!)).toBeLessThanOrEqual(0.05);
  });

  it('imports again without change', async () => {
    await importWards();
    const [indicators, batches] = [await countRows(handle.db, 'indicator'), await countRows(handle.db, 'import_batch')];
    expect(await importWards()).toMatchObject({ rowsWritten: 0, rowsUnchanged: 903 });
    expect(await countRows(handle.db, 'indicator')).toBe(indicators);
    expect(await countRows(handle.db, 'import_batch')).toBe(batches);
  });

  it('without the meta file, names the missing indicators and how to create them', async () => {
    const error = (await importObservations(handle.db, dataFile(WARD_FILE), { clock }).catch(
      (e: unknown) => e,
    )) as ValidationError;
    expect(error.details[0]?.reason).toMatch(
      /^'TWD-average-broadband-speed' is not a known indicator code or alias: import the file together with its metadata file/,
    );
    expect(await countRows(handle.db, 'indicator')).toBe(0);
  });

  it('a refused ward file leaves no definitions behind', async () => {
    await handle.db.deleteFrom('area').where('code', '=', 'E05015239').execute();
    await expect(importWards()).rejects.toThrow(ValidationError);
    expect(await countRows(handle.db, 'indicator')).toBe(0);
    await insertAreas(handle.db, ['E05015239']);
  });
});
