import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { seedAreas } from '../../../test/support/analysis-factories.ts';
import { countByType } from './index.ts';

let h: DatabaseHandle;
beforeEach(async () => {
  h = await freshDatabase();
  await seedAreas(h.db, [
    { code: 'E08000009', name: 'Trafford', type: 'metropolitan_district' },
    { code: 'E08000007', name: 'Stockport', type: 'metropolitan_district' },
    { code: 'E05000819', name: 'Altrincham', type: 'ward', parents: ['E08000009'] },
    { code: 'E05000820', name: 'Ashton upon Mersey', type: 'ward', parents: ['E08000009'] },
    { code: 'E05000821', name: 'Bowdon', type: 'ward', parents: ['E08000009'] },
    { code: 'E05000822', name: 'Broadheath', type: 'ward', parents: ['E08000009'] },
    { code: 'E09000001', name: 'City of London', type: 'london_borough' },
    { code: 'E09000002', name: 'Barking and Dagenham', type: 'unitary' }, // an entity whose sample disagrees
    { code: 'TRF-N-NORTH', name: 'North Trafford', type: 'neighbourhood', parents: ['E08000009'] },
  ]);
});
afterEach(async () => {
  await h.close();
});

describe('countByType', () => {
  it('counts the areas of each type among the codes, reading few of them', async () => {
    const counts = await countByType(h.db, [
      'E08000009',
      'E08000007',
      'E05999999', // no such area, in the sample: its entity is read in full and it is not counted
      'E05000819',
      'E05000820',
      'E05000821',
      'E05000822',
      'E09000001',
      'E09000002',
      'TRF-N-NORTH',
      'NOT-AN-AREA',
    ]);
    expect(Object.fromEntries(counts)).toEqual({
      metropolitan_district: 2,
      ward: 4,
      london_borough: 1,
      unitary: 1,
      neighbourhood: 1,
    });
  });

  it('counts nothing for no codes', async () => {
    expect((await countByType(h.db, [])).size).toBe(0);
  });
});
