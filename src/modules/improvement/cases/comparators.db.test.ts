import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../platform/db/database.ts';
import { freshDatabase } from '../../../../test/support/database.ts';
import { seedAreas } from '../../../../test/support/analysis-factories.ts';
import { ComparatorGroups } from './comparators.ts';

const ENGLISH = ['E06000001', 'E06000002', 'E06000003', 'E06000004', 'E06000005'];
const WELSH = ['W06000001', 'W06000002', 'W06000003'];

describe('the group a council without nearest neighbours is compared with', () => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await freshDatabase();
    await seedAreas(handle.db, [
      { code: 'E92000001', name: 'England', type: 'country', countryCode: 'E92000001' },
      { code: 'W92000004', name: 'Wales', type: 'country', countryCode: 'W92000004' },
      ...ENGLISH.map((code) => ({ code, name: `English ${code}`, type: 'unitary', parents: ['E92000001'] })),
      ...WELSH.map((code) => ({ code, name: `Welsh ${code}`, type: 'unitary', parents: ['W92000004'] })),
    ]);
  });
  afterEach(async () => handle.close());

  it('is the councils of its type in its own nation, named so', async () => {
    const groups = new ComparatorGroups(handle.db);
    const english = await groups.forArea({ code: 'E06000002', type: 'unitary' });
    expect([...english.memberCodes].sort()).toEqual(ENGLISH);
    expect(english.name).toMatch(/in England$/);
    const welsh = await groups.forChoice({ code: 'W06000003', type: 'unitary' }, 'type');
    expect([...welsh.memberCodes].sort()).toEqual(WELSH);
    expect(welsh.name).toMatch(/in Wales$/);
  });
});
