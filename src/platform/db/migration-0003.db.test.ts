import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/database.ts';
import type { Kysely } from 'kysely';
import type { DatabaseHandle } from './database.ts';
import * as m0003 from './migrations/0003_data_submission.ts';

let handle: DatabaseHandle | undefined;
afterEach(async () => {
  await handle?.close();
  handle = undefined;
});

const deadlines = () =>
  handle!.db.selectFrom('collection_deadline').selectAll().orderBy('indicator_code').orderBy('period').execute();

describe('migration 0003 (data submission)', () => {
  it('rebuilds collection_deadline keeping the deadlines there were, and goes back down keeping the general ones', async () => {
    handle = await freshDatabase();
    const db = handle.db;
    await db
      .insertInto('indicator')
      .values({ code: 'REC', current_version: 1, created_at: '2025-01-01T00:00:00.000Z' })
      .execute();
    await db
      .insertInto('body')
      .values({
        id: 'trafford-council',
        name: 'Trafford Council',
        kind: 'council',
        council_type: null,
        short_name: null,
        valid_from: null,
        valid_to: null,
        replaced_by: null,
        website: null,
        source: 'test',
      })
      .execute();
    await db
      .insertInto('collection_deadline')
      .values([
        { indicator_code: 'REC', period: 'FY2023', body_id: null, due_date: '2024-06-30' },
        { indicator_code: 'REC', period: 'FY2023', body_id: 'trafford-council', due_date: '2024-05-31' },
      ])
      .execute();
    await expect(
      db
        .insertInto('collection_deadline')
        .values({ indicator_code: 'REC', period: 'FY2023', body_id: null, due_date: '2024-07-01' })
        .execute(),
    ).rejects.toThrow();

    // a migration takes a database of no particular schema
    const untyped = db as unknown as Kysely<unknown>;
    await m0003.down(untyped);
    expect(await deadlines()).toEqual([{ indicator_code: 'REC', period: 'FY2023', due_date: '2024-06-30' }]);

    await m0003.up(untyped);
    expect(await deadlines()).toEqual([{ indicator_code: 'REC', period: 'FY2023', body_id: null, due_date: '2024-06-30' }]);
    expect(await db.selectFrom('submission').selectAll().execute()).toEqual([]);
  });
});
