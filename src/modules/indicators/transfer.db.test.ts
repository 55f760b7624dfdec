import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { indicatorInput } from '../../../test/support/indicator-factories.ts';
import { exportIndicators, getIndicator, importIndicatorFile, listIndicators, saveIndicatorDefinitions } from './index.ts';

const handles: DatabaseHandle[] = [];
async function db(): Promise<DatabaseHandle> {
  const h = await freshDatabase();
  handles.push(h);
  return h;
}
let clock: ReturnType<typeof fixedClock>;
beforeEach(() => {
  clock = fixedClock('2024-04-01T09:00:00.000Z');
});
afterEach(async () => {
  while (handles.length) await handles.pop()!.close();
});

const HEADER =
  'code,title,description,numerator_definition,denominator_definition,unit,unit_multiplier,decimal_places,polarity,area_aggregation,time_aggregation,frequency,period_type,area_types,theme,aliases';
const row = (code: string, polarity: string, extra = '') =>
  `${code},Title ${code},Description,Tonnes recycled,Tonnes collected,percentage,,1,${polarity},ratio,ratio,annual,financial_year,unitary;district,environment,${extra}`;

async function refusal(p: Promise<unknown>): Promise<ValidationError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ValidationError);
  return e as ValidationError;
}

describe('importIndicatorFile', () => {
  it('imports a CSV with dirty polarity words and aliases', async () => {
    const h = await db();
    const csv = [
      HEADER,
      row('A1', 'DESC', 'NI:192;label:Waste Reused/Recycled/Composted'),
      row('A2', 'Lower is better'),
      row('A3', ''),
    ].join('\n');
    const summary = await importIndicatorFile(h.db, { name: 'defs.csv', content: csv }, { clock });
    expect(summary).toEqual({
      reader: 'indicator-csv',
      rowsRead: 3,
      rowsWritten: 3,
      rowsUnchanged: 0,
      rowsRejected: 0,
      problems: [],
    });
    expect(await getIndicator(h.db, 'A1')).toMatchObject({
      polarity: 'higher_is_better',
      areaTypes: ['unitary', 'district'],
      collectionMethod: 'administrative',
      aliases: [
        { scheme: 'label', alias: 'Waste Reused/Recycled/Composted' },
        { scheme: 'NI', alias: '192' },
      ],
    });
    expect((await getIndicator(h.db, 'A2'))?.polarity).toBe('lower_is_better');
    expect((await getIndicator(h.db, 'A3'))?.polarity).toBe('none');
  });

  it('refuses a CSV with a bad row on line 4, naming line, column, value and reason, and writes nothing', async () => {
    const h = await db();
    const csv = [HEADER, row('A1', 'desc'), row('A2', 'asc'), row('A3', 'sideways'), row('A4', 'desc')].join('\n');
    const progress: [number, number][] = [];
    const e = await refusal(
      importIndicatorFile(h.db, { name: 'defs.csv', content: csv }, { clock, onProgress: (d, t) => progress.push([d, t]) }),
    );
    expect(e.details).toEqual([
      { line: 4, field: 'polarity', value: 'sideways', reason: expect.stringMatching(/not a polarity/) },
    ]);
    expect((await listIndicators(h.db, { limit: 10, offset: 0 })).total).toBe(0);
  });

  it('reports every bad row of a CSV by its column', async () => {
    const h = await db();
    const csv = [
      HEADER,
      row('A 1', 'desc'),
      row('A2', 'desc').replace(',1,desc', ',x,desc'),
      row('A3', 'desc').replace('unitary;district', 'unitary;parish'),
    ].join('\n');
    const e = await refusal(importIndicatorFile(h.db, { name: 'defs.csv', content: csv }, { clock }));
    expect(e.details.map((d) => [d.line, d.field, d.value])).toEqual([
      [2, 'code', 'A 1'],
      [3, 'decimal_places', 'x'],
      [4, 'area_types', 'unitary;parish'],
    ]);
  });

  it('refuses a JSON entry by its path', async () => {
    const h = await db();
    const content = JSON.stringify({ indicators: [indicatorInput(), { ...indicatorInput({ code: 'B' }), polarity: 'up' }] });
    const e = await refusal(importIndicatorFile(h.db, { name: 'defs.json', content }, { clock }));
    expect(e.details).toEqual([
      { field: 'indicators[1].polarity', value: 'up', reason: expect.stringMatching(/not a polarity/) },
    ]);
    expect(await getIndicator(h.db, 'TEST1')).toBeUndefined();
  });

  it('names the full path of a nested JSON problem', async () => {
    const h = await db();
    const content = JSON.stringify({
      indicators: [
        {
          ...indicatorInput(),
          aliases: [
            { scheme: 'NI', alias: '192' },
            { scheme: 'a:b', alias: 'x' },
          ],
        },
      ],
    });
    const e = await refusal(importIndicatorFile(h.db, { name: 'defs.json', content }, { clock }));
    expect(e.details).toEqual([
      { field: 'indicators[0].aliases[1].scheme', value: 'a:b', reason: expect.stringMatching(/cannot contain/) },
    ]);
  });

  it('accepts a bare JSON array and reports a definitional change needing a note', async () => {
    const h = await db();
    await importIndicatorFile(h.db, { name: 'a.json', content: JSON.stringify([indicatorInput()]) }, { clock });
    const e = await refusal(
      importIndicatorFile(h.db, { name: 'a.json', content: JSON.stringify([indicatorInput({ unit: 'ratio' })]) }, { clock }),
    );
    expect(e.details[0]).toMatchObject({ field: '[0].comparabilityNote', reason: expect.stringMatching(/unit/) });
  });
});

describe('exportIndicators', () => {
  const tricky = [
    indicatorInput({
      code: 'T1',
      title: '=HYPERLINK("http://evil")',
      description: "'=already guarded",
      aliases: [{ scheme: 'label', alias: '@home, "quoted"' }],
    }),
    indicatorInput({
      code: 'T2',
      unit: 'rate',
      unitMultiplier: 1000,
      polarity: 'target_range',
      targetRange: { low: -5, high: 10.5 },
      rationale: 'Line one\nline two',
      collectionMethod: 'survey',
    }),
    indicatorInput({
      code: 'T3',
      comparabilityNote: '-2 points after the 2019 change',
      areaAggregation: 'sum',
      timeAggregation: 'latest',
      numeratorDefinition: null,
      denominatorDefinition: null,
    }),
  ];

  it.each(['csv', 'json'] as const)('round-trips %s into a fresh database', async (format) => {
    const all = async (h: DatabaseHandle) => (await listIndicators(h.db, { limit: 100, offset: 0 })).items;
    // one database at a time: see the PostgreSQL note in README.md
    const source = await db();
    await saveIndicatorDefinitions(source.db, tricky, clock);
    const text = await exportIndicators(source.db, format);
    const before = await all(source);
    // back into the source: nothing changes
    const again = await importIndicatorFile(source.db, { name: `export.${format}`, content: text }, { clock });
    expect(again).toMatchObject({ rowsWritten: 0, rowsUnchanged: 3 });
    await handles.pop()!.close();

    const target = await db();
    const summary = await importIndicatorFile(target.db, { name: `export.${format}`, content: text }, { clock });
    expect(summary.rowsWritten).toBe(3);
    expect(await all(target)).toEqual(before);
    expect(await exportIndicators(target.db, format)).toBe(text);
  });

  it('neutralises formulas in CSV cells', async () => {
    const h = await db();
    await saveIndicatorDefinitions(h.db, tricky, clock);
    const csv = await exportIndicators(h.db, 'csv');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain(`''=already guarded`);
    expect(csv).toContain(`'-2 points`);
    expect(csv.split('\n')[0]).toBe(
      'code,title,description,rationale,numerator_definition,denominator_definition,unit,unit_multiplier,decimal_places,polarity,target_range_low,target_range_high,area_aggregation,time_aggregation,frequency,period_type,area_types,theme,source,owner_body_id,collection_method,comparability_note,aliases',
    );
  });

  it('quotes a cell with a carriage return inside, so a spreadsheet cannot start a row (and a formula) there', async () => {
    const h = await db();
    const source = "Survey\r=1+1*cmd|' /C calc'!A0";
    await saveIndicatorDefinitions(h.db, [indicatorInput({ code: 'CR1', source })], clock);
    const csv = await exportIndicators(h.db, 'csv');
    expect(csv).toContain(`,"${source}",`);
    const again = await importIndicatorFile(h.db, { name: 'export.csv', content: csv }, { clock });
    expect(again).toMatchObject({ rowsWritten: 0, rowsUnchanged: 1 });
  });
});

describe('the demo catalogue', () => {
  const file = () => ({ name: 'indicators.json', content: readFileSync(new URL('./demo/indicators.json', import.meta.url)) });

  it('imports, and a second import changes nothing', async () => {
    const h = await db();
    const first = await importIndicatorFile(h.db, file(), { clock });
    expect(first).toMatchObject({ rowsRead: 9, rowsWritten: 9, rowsUnchanged: 0 });
    clock.advance(60_000);
    const second = await importIndicatorFile(h.db, file(), { clock });
    expect(second).toMatchObject({ rowsRead: 9, rowsWritten: 0, rowsUnchanged: 9 });
    expect((await getIndicator(h.db, 'NI192'))?.version).toBe(1);
    expect((await getIndicator(h.db, 'ASC1'))?.collectionMethod).toBe('survey');
    expect((await getIndicator(h.db, 'ASC7'))?.polarity).toBe('none');
  });
});
