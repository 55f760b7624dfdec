import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { importRealAreas, placesTableCounts } from '../../../test/support/places-factories.ts';
import { getAncestors, getArea, getDescendantCodes, listAreaCodesByType } from './index.ts';

describe('importing LSOAs with their IMD 2019 rank', () => {
  let h: DatabaseHandle;
  let firstImportMs = 0;
  beforeAll(async () => {
    h = await freshDatabase();
    await importRealAreas(h.db, ['localAuthorities']);
    const started = Date.now();
    await importRealAreas(h.db, ['lsoas']);
    firstImportMs = Date.now() - started;
  });
  afterAll(() => h.close());

  it('imports all 32,844 English LSOAs quickly', async () => {
    expect(await listAreaCodesByType(h.db, ['lsoa'])).toHaveLength(32_844);
    expect(firstImportMs).toBeLessThan(10_000);
  });

  it('keeps each LSOA’s rank and district', async () => {
    expect(await getArea(h.db, 'E01000001')).toMatchObject({
      name: 'City of London 001A',
      type: 'lsoa',
      imdRank: 29199,
      countryCode: 'E92000001',
    });
    expect((await getAncestors(h.db, 'E01000001')).map((a) => a.code)).toEqual(['E09000001', 'E12000007', 'E92000001']);
    expect(await getDescendantCodes(h.db, 'E08000009', ['lsoa'])).toHaveLength(138);
  });

  it('changes nothing when imported again', async () => {
    const before = await placesTableCounts(h.db);
    const [again] = await importRealAreas(h.db, ['lsoas']);
    expect(again).toMatchObject({ rowsRead: 32_844, rowsWritten: 0, rowsUnchanged: 32_844 });
    expect(await placesTableCounts(h.db)).toEqual(before);
  });
});
