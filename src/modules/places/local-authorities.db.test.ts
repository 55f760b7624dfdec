import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { importRealAreas, placesTableCounts, realAreaFile, testClock, withLine } from '../../../test/support/places-factories.ts';
import {
  findAreaCodeByIdentifier,
  getAncestors,
  getArea,
  getChildren,
  getParents,
  getPredecessors,
  getSuccessors,
  importAreaFile,
  listAreaCodesByType,
  searchAreas,
} from './index.ts';

describe('importing mySociety local authorities', () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await freshDatabase();
    await importRealAreas(h.db, ['localAuthorities', 'councilDeprivation']);
  });
  afterAll(() => h.close());

  it('makes Trafford a metropolitan district in the North West and Greater Manchester', async () => {
    const trafford = await getArea(h.db, 'E08000009');
    expect(trafford).toMatchObject({
      name: 'Trafford',
      type: 'metropolitan_district',
      countryCode: 'E92000001',
      validFrom: '1974-04-01',
      validTo: null,
      population: 237579,
      populationYear: 2020,
    });
    const parents = await getParents(h.db, 'E08000009');
    expect(parents.map((p) => [p.code, p.name]).sort()).toEqual([
      ['E12000002', 'North West'],
      ['E47000001', 'Greater Manchester'],
    ]);
    const ancestors = await getAncestors(h.db, 'E08000009');
    expect(ancestors.map((a) => [a.code, a.depth])).toContainEqual(['E92000001', 2]);
  });

  it('puts two-tier districts under their county and region', async () => {
    expect((await getParents(h.db, 'E07000105')).map((p) => p.code).sort()).toEqual(['E10000016', 'E12000008']);
    expect(await getArea(h.db, 'E10000016')).toMatchObject({ name: 'Kent', type: 'county' });
    const districts = await getChildren(h.db, 'E10000016', 'district');
    expect(districts).toHaveLength(12);
  });

  it('creates regions and countries, and parents councils in Wales, Scotland and Northern Ireland to their country', async () => {
    expect(await listAreaCodesByType(h.db, ['country'])).toEqual(['E92000001', 'N92000002', 'S92000003', 'W92000004']);
    expect(await listAreaCodesByType(h.db, ['region'])).toHaveLength(9);
    expect((await getParents(h.db, 'S12000049')).map((p) => p.code)).toEqual(['S92000003']);
    expect((await getParents(h.db, 'E12000007')).map((p) => p.code)).toEqual(['E92000001']);
  });

  it('keeps retired councils with their end date, successors and no current parents', async () => {
    expect(await getArea(h.db, 'E07000004')).toMatchObject({ name: 'Aylesbury Vale', type: 'district', validTo: '2020-03-31' });
    expect(await getSuccessors(h.db, 'E07000004')).toEqual([
      { code: 'E06000060', changeType: 'merger', effectiveDate: '2020-04-01' },
    ]);
    expect(await getSuccessors(h.db, 'E10000006')).toEqual([
      { code: 'E06000063', changeType: 'split', effectiveDate: '2023-04-01' },
      { code: 'E06000064', changeType: 'split', effectiveDate: '2023-04-01' },
    ]);
    expect(await getParents(h.db, 'E07000004')).toEqual([]);
    expect(await listAreaCodesByType(h.db, ['district'])).not.toContain('E07000004');
  });

  it('records former GSS codes as successions and the mySociety code as an identifier', async () => {
    expect(await getPredecessors(h.db, 'E08000037')).toEqual([{ code: 'E08000020', changeType: 'new_code', effectiveDate: '' }]);
    expect(await findAreaCodeByIdentifier(h.db, 'mysociety-la', 'TRF')).toBe('E08000009');
    expect(await findAreaCodeByIdentifier(h.db, 'mysociety-la', 'GLA')).toBe('E12000007');
  });

  it('sets council deprivation through the mySociety code', async () => {
    expect(await getArea(h.db, 'E08000009')).toMatchObject({ imdDecile: expect.any(Number), imdScore: expect.any(Number) });
    expect((await getArea(h.db, 'N09000005'))?.imdDecile).toBe(1);
  });

  it('finds areas by name or code', async () => {
    const found = await searchAreas(h.db, { q: 'traff', limit: 10, offset: 0 });
    expect(found.items.map((a) => a.code)).toEqual(['E08000009']);
    const districts = await searchAreas(h.db, { type: 'metropolitan_district', limit: 5, offset: 0 });
    expect(districts.total).toBe(36);
    expect(districts.items).toHaveLength(5);
  });

  it('changes nothing when the same files are imported again', async () => {
    const before = await placesTableCounts(h.db);
    const [las, imd] = await importRealAreas(h.db, ['localAuthorities', 'councilDeprivation']);
    expect(las).toMatchObject({ rowsRead: 470, rowsWritten: 0, rowsUnchanged: 445 });
    expect(imd).toMatchObject({ rowsRead: 397, rowsWritten: 0, rowsUnchanged: 397 });
    expect(await placesTableCounts(h.db)).toEqual(before);
  });

  it('refuses a file with a bad row, naming its line, and changes nothing', async () => {
    const before = await placesTableCounts(h.db);
    const broken = withLine(realAreaFile('localAuthorities'), 5, (l) =>
      l.replace('E07000223', 'E0700022X').replace('South East', 'Middle Earth'),
    );
    const refused = await importAreaFile(h.db, broken, { clock: testClock() }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).details).toEqual([
      { line: 5, field: 'gss-code', value: 'E0700022X', reason: expect.stringContaining('not a GSS code') },
    ]);
    expect(await placesTableCounts(h.db)).toEqual(before);
  });

  it('updates a changed council in place', async () => {
    const changed = withLine(realAreaFile('localAuthorities'), 5, (l) => l.replace(',64187.0,', ',64200.0,'));
    const summary = await importAreaFile(h.db, changed, { clock: testClock() });
    expect(summary).toMatchObject({ rowsWritten: 1, rowsUnchanged: 444 });
    expect((await getArea(h.db, 'E07000223'))?.population).toBe(64200);
    await importAreaFile(h.db, realAreaFile('localAuthorities'), { clock: testClock() });
    expect((await getArea(h.db, 'E07000223'))?.population).toBe(64187);
  });
});

describe('importing council deprivation before the councils', () => {
  it('is refused, each row naming the unknown code', async () => {
    const h = await freshDatabase();
    try {
      const refused = await importRealAreas(h.db, ['councilDeprivation']).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ValidationError);
      const details = (refused as ValidationError).details;
      expect(details).toHaveLength(397);
      expect(details[0]).toEqual({
        line: 2,
        field: 'local-authority-code',
        value: 'DRS',
        reason: expect.stringContaining('import the local authorities first'),
      });
      expect(await placesTableCounts(h.db)).toMatchObject({ area: 0, area_identifier: 0 });
    } finally {
      await h.close();
    }
  });
});
