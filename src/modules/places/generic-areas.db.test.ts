import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { areaCsv, importRealAreas, placesTableCounts, testClock } from '../../../test/support/places-factories.ts';
import { exportAreas, getAncestors, getArea, getChildren, getParents, importAreaFile } from './index.ts';

const opts = { clock: testClock() };

const neighbourhoods = areaCsv([
  {
    code: 'TRF-N-NORTH',
    name: 'North Trafford',
    type: 'neighbourhood',
    parent_codes: 'E08000009',
    building_blocks: 'E05015245;E05015252;E05015253',
    valid_from: '2024-04-01',
  },
  {
    code: 'TRF-N-SOUTH',
    name: 'South Trafford',
    type: 'neighbourhood',
    parent_codes: 'E08000009',
    building_blocks: 'E05015239;E05015241',
    population: '61000',
    population_year: '2022',
  },
]);

describe('the documented area format', () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await freshDatabase();
    await importRealAreas(h.db, ['localAuthorities', 'gmWards2023']);
  });
  afterAll(() => h.close());

  it('adds neighbourhoods made of wards', async () => {
    const summary = await importAreaFile(h.db, neighbourhoods, opts);
    expect(summary).toMatchObject({ reader: 'generic-area-csv', rowsRead: 2, rowsWritten: 2 });
    expect(await getArea(h.db, 'TRF-N-SOUTH')).toMatchObject({
      name: 'South Trafford',
      type: 'neighbourhood',
      countryCode: null,
      population: 61000,
      populationYear: 2022,
    });
    expect((await getChildren(h.db, 'TRF-N-NORTH')).map((a) => a.code)).toHaveLength(3);
    expect((await getParents(h.db, 'E05015239')).map((a) => a.code).sort()).toEqual(['E08000009', 'TRF-N-SOUTH']);
    expect((await getAncestors(h.db, 'E05015239')).map((a) => a.code)).toContain('TRF-N-SOUTH');
    expect(await importAreaFile(h.db, neighbourhoods, opts)).toMatchObject({ rowsWritten: 0, rowsUnchanged: 2 });
  });

  it('ends the links a changed file no longer lists', async () => {
    const smaller = areaCsv([
      { code: 'TRF-N-SOUTH', name: 'South Trafford', type: 'neighbourhood', building_blocks: 'E05015239' },
    ]);
    expect(await importAreaFile(h.db, smaller, opts)).toMatchObject({ rowsWritten: 1 });
    expect((await getChildren(h.db, 'TRF-N-SOUTH')).map((a) => a.code)).toEqual(['E05015239']);
    expect((await getParents(h.db, 'TRF-N-SOUTH')).map((a) => a.code)).toEqual(['E08000009']);
  });

  it('refuses every bad row at once and changes nothing', async () => {
    const before = await placesTableCounts(h.db);
    const bad = areaCsv([
      { code: 'TRF-N-EAST', name: 'East', type: 'estate', parent_codes: 'E08000009' },
      { code: 'TRF-N-WEST', name: 'West', type: 'neighbourhood', parent_codes: 'E08000099', valid_from: '2024-13-01' },
      { code: 'E08000009', name: 'Trafford', type: 'ward' },
    ]);
    const refused = await importAreaFile(h.db, bad, opts).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).details.map((d) => [d.line, d.field, d.value])).toEqual([
      [2, 'type', 'estate'],
      [3, 'valid_from', '2024-13-01'],
      [4, 'type', 'ward'],
    ]);
    expect(await placesTableCounts(h.db)).toEqual(before);
  });

  it('names the JSON entry and field of a bad area', async () => {
    const json = {
      areas: [
        { code: 'TRF-N-1', name: 'One', type: 'neighbourhood', parent_codes: ['E08000009'] },
        { code: 'TRF-N-2', name: 'Two', type: 'neighbourhood', parent_codes: ['E99999999'] },
      ],
    };
    const refused = await importAreaFile(h.db, { name: 'n.json', content: JSON.stringify(json) }, opts).catch((e: unknown) => e);
    expect((refused as ValidationError).details).toEqual([
      {
        field: 'areas[1].parent_codes',
        value: 'E99999999',
        reason: expect.stringContaining('parent E99999999 is not a known area'),
      },
    ]);
  });

  it.each(['csv', 'json'] as const)('exports areas as %s that import into a fresh database unchanged', async (format) => {
    await importAreaFile(h.db, neighbourhoods, opts);
    const exported = await exportAreas(h.db, { format });
    const copy = await freshDatabase();
    try {
      const summary = await importAreaFile(copy.db, { name: `areas.${format}`, content: exported }, opts);
      expect(summary.rowsWritten).toBe(summary.rowsRead);
      expect(await exportAreas(copy.db, { format })).toBe(exported);
      expect((await getAncestors(copy.db, 'E05015245')).map((a) => a.code)).toEqual(
        (await getAncestors(h.db, 'E05015245')).map((a) => a.code),
      );
    } finally {
      await copy.close();
    }
  });

  it('guards names a spreadsheet would run as formulas in the CSV, and reads them back as they were', async () => {
    const names = ['=HYPERLINK("http://x")', '+44 Street', '-Minus Ward', '@Home', "'=Already quoted"];
    const areas = names.map((name, i) => ({ code: `LOCAL-F${i}`, name, type: 'neighbourhood', parent_codes: ['E08000009'] }));
    await importAreaFile(h.db, { name: 'formulas.json', content: JSON.stringify({ areas }) }, opts);
    const exported = await exportAreas(h.db, { type: 'neighbourhood', format: 'csv' });
    for (const line of exported.split('\n').filter((l) => l.startsWith('LOCAL-F'))) expect(line.split(',')[1]).toMatch(/^"?'/);
    const copy = await freshDatabase();
    try {
      await importAreaFile(copy.db, { name: 'areas.csv', content: await exportAreas(h.db, { format: 'csv' }) }, opts);
      for (const [i, n] of names.entries()) expect((await getArea(copy.db, `LOCAL-F${i}`))?.name).toBe(n);
    } finally {
      await copy.close();
    }
  });

  it('exports one type, with neighbourhoods’ building blocks', async () => {
    const csv = await exportAreas(h.db, { type: 'neighbourhood', format: 'csv' });
    expect(csv.split('\n')[0]).toBe(
      'code,name,type,parent_codes,building_blocks,valid_from,valid_to,population,population_year,country_code,imd_rank,imd_score,imd_decile',
    );
    expect(csv).toContain('TRF-N-NORTH,North Trafford,neighbourhood,E08000009,E05015245;E05015252;E05015253,2024-04-01,,,,,,,');
  });
});
