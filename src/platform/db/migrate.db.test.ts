import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/database.ts';
import type { DatabaseHandle } from './database.ts';
import { migrateToLatest } from './migrate.ts';

let handle: DatabaseHandle | undefined;
afterEach(async () => {
  await handle?.close();
  handle = undefined;
});

describe('migrations', () => {
  it('create every table and are idempotent', async () => {
    handle = await freshDatabase();
    const again = await migrateToLatest(handle.db);
    expect(again.applied).toEqual([]);
    await handle.db
      .insertInto('area')
      .values({
        code: 'E92000001',
        name: 'England',
        type: 'country',
        country_code: 'E92000001',
        valid_from: null,
        valid_to: null,
        population: null,
        population_year: null,
        imd_rank: null,
        imd_score: null,
        imd_decile: null,
        source: 'test',
      })
      .execute();
    const row = await handle.db.selectFrom('area').select(['code', 'name']).executeTakeFirstOrThrow();
    expect(row).toEqual({ code: 'E92000001', name: 'England' });
  });

  it('stores a double faithfully, float noise included', async () => {
    handle = await freshDatabase();
    await handle.db
      .insertInto('indicator')
      .values({ code: 'X', current_version: 1, created_at: '2026-01-01T00:00:00.000Z' })
      .execute();
    await handle.db
      .insertInto('observation')
      .values({
        indicator_code: 'X',
        indicator_version: 1,
        area_code: 'A',
        period: 'FY2019',
        period_type: 'financial_year',
        period_start: '2019-04-01',
        period_end: '2020-03-31',
        value: 56.89999999999999,
        numerator: null,
        denominator: null,
        sample_size: null,
        ci_lower: null,
        ci_upper: null,
        status: 'final',
        source_body_id: null,
        import_id: null,
        revision: 1,
        published_at: '2026-01-01T00:00:00.000Z',
        superseded_at: null,
      })
      .execute();
    const { value, id } = await handle.db.selectFrom('observation').select(['value', 'id']).executeTakeFirstOrThrow();
    expect(value).toBe(56.89999999999999);
    expect(typeof id).toBe('number');
  });
});
