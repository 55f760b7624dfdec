import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { analysisClock, seedAreas, seedIndicator, SMALL_WORLD } from '../../../test/support/analysis-factories.ts';
import { importComparatorGroups } from './comparator-group-import.service.ts';
import { resolveComparatorGroup } from './comparator-group.service.ts';

describe('resolveComparatorGroup', () => {
  let h: DatabaseHandle;
  beforeEach(async () => {
    h = await freshDatabase();
    await seedAreas(h.db, [
      ...SMALL_WORLD,
      { code: 'E06000030', name: 'Swindon', type: 'unitary', parents: ['E12000009'] },
      { code: 'E12000009', name: 'South West', type: 'region', parents: ['E92000001'] },
      { code: 'E08000099', name: 'Gone', type: 'metropolitan_district', parents: [], validTo: '2020-03-31' },
    ]);
  });
  afterEach(async () => {
    await h.close();
  });

  const members = async (group: string, area = 'E08000009', extra: { codes?: string[]; indicator?: string } = {}) =>
    (await resolveComparatorGroup(h.db, { area, group, ...extra })).memberCodes.sort();

  it('same type: every current area of the area\u2019s own type', async () => {
    expect(await members('type')).toEqual(['E08000002', 'E08000007', 'E08000009']);
    const g = await resolveComparatorGroup(h.db, { area: 'E08000009', group: 'type' });
    expect(g).toMatchObject({ id: 'type-metropolitan_district', name: 'All metropolitan districts', kind: 'same_type' });
  });

  it('same region: the same type within the region', async () => {
    expect(await members('region', 'E09000001')).toEqual(['E09000001']);
    expect((await resolveComparatorGroup(h.db, { area: 'E08000009', group: 'region' })).name).toBe(
      'Metropolitan districts in North West',
    );
  });

  it("all England: every area of the indicator's types in the area's tier", async () => {
    await seedIndicator(h.db, { code: 'IND1', areaTypes: ['metropolitan_district', 'london_borough', 'unitary', 'ward'] });
    expect(await members('england', 'E08000009', { indicator: 'IND1' })).toEqual([
      'E06000030',
      'E08000002',
      'E08000007',
      'E08000009',
      'E09000001',
    ]);
    expect(await members('england')).toEqual(['E08000002', 'E08000007', 'E08000009']);
  });

  it('nearest: the stored group anchored on the area, CIPFA before Oflog', async () => {
    await importComparatorGroups(
      h.db,
      { name: 'nn.json', content: JSON.stringify({ E08000009: ['E08000009', 'E08000002'] }) },
      { clock: analysisClock() },
    );
    expect((await resolveComparatorGroup(h.db, { area: 'E08000009', group: 'nearest' })).id).toBe('oflog-nn-E08000009');
    await importComparatorGroups(
      h.db,
      { name: 'trafford_comparator_group_cipfa2021.csv', content: 'area_code,area_name\nE06000030,Swindon\n' },
      { clock: analysisClock() },
    );
    const g = await resolveComparatorGroup(h.db, { area: 'E08000009', group: 'nearest' });
    expect(g).toMatchObject({ id: 'cipfa-2021-E08000009', anchorAreaCode: 'E08000009', memberCodes: ['E06000030', 'E08000009'] });
    await expect(resolveComparatorGroup(h.db, { area: 'E08000007', group: 'nearest' })).rejects.toThrow(NotFoundError);
  });

  it('a stored group by id', async () => {
    await importComparatorGroups(
      h.db,
      { name: 'g.csv', content: 'group_id,group_name,kind,anchor,area_code\nmine,Mine,custom,,E06000030\n' },
      { clock: analysisClock() },
    );
    expect(await resolveComparatorGroup(h.db, { area: 'E08000009', group: 'mine' })).toMatchObject({
      name: 'Mine',
      memberCodes: ['E06000030'],
    });
    await expect(resolveComparatorGroup(h.db, { area: 'E08000009', group: 'nope' })).rejects.toThrow(NotFoundError);
  });

  it('a hand-picked list, always including the area', async () => {
    expect(await members('custom', 'E08000009', { codes: ['E06000030', 'E09000001'] })).toEqual([
      'E06000030',
      'E08000009',
      'E09000001',
    ]);
    await expect(resolveComparatorGroup(h.db, { area: 'E08000009', group: 'custom', codes: ['E0600XXXX'] })).rejects.toThrow(
      ValidationError,
    );
    await expect(resolveComparatorGroup(h.db, { area: 'E08000009', group: 'custom' })).rejects.toThrow(ValidationError);
  });

  it('an unknown area', async () => {
    await expect(resolveComparatorGroup(h.db, { area: 'E08000098', group: 'type' })).rejects.toThrow(NotFoundError);
  });
});
