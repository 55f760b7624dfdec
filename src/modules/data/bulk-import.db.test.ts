/** A large import: past the size at which SQLite builds the indexes at the end instead of row by row. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { countRows, insertAreas, saveTestIndicators } from '../../../test/support/data-factories.ts';
import { getValuesForPeriod, importObservationRows, type TidyRow } from './index.ts';
import { BULK_MIN_ROWS } from './observation-write-sqlite.repository.ts';

let handle: DatabaseHandle;
const clock = fixedClock('2024-05-01T09:00:00.000Z');
const AREAS = Array.from({ length: 11_000 }, (_, i) => `E05${String(i).padStart(6, '0')}`);
const YEARS = 12;

function* rows(badLast = false): Generator<TidyRow> {
  for (let y = 0; y < YEARS; y++) {
    for (let a = 0; a < AREAS.length; a++) {
      const bad = badLast && y === YEARS - 1 && a === AREAS.length - 1;
      yield { indicator: 'REC', area: AREAS[a], period: `FY${2010 + y}`, value: bad ? 'oops' : (a * 7 + y) / 10 };
    }
  }
}

async function indexNames(): Promise<string[]> {
  const q =
    handle.dialect === 'sqlite'
      ? sql<{
          name: string;
        }>`select name from sqlite_master where type = 'index' and tbl_name = 'observation' and sql is not null`
      : sql<{
          name: string;
        }>`select indexname as name from pg_indexes where tablename = 'observation' and schemaname = current_schema() and indexname <> 'observation_pkey'`;
  return (await q.execute(handle.db)).rows.map((r) => r.name).sort();
}

const INDEXES = ['observation_current_by_period_idx', 'observation_revision_uq'];

beforeAll(async () => {
  handle = await freshDatabase();
  await saveTestIndicators(handle.db, { code: 'REC', areaTypes: ['ward'] });
  await insertAreas(handle.db, AREAS);
});
afterAll(async () => {
  await handle.close();
});

describe(`an import of ${AREAS.length * YEARS} rows`, () => {
  it('is larger than the bulk threshold', () => {
    expect(AREAS.length * YEARS).toBeGreaterThan(BULK_MIN_ROWS);
  });

  it('refused by its last row, writes nothing and leaves every index in place', async () => {
    const error = (await importObservationRows(handle.db, rows(true), { clock }).catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.details).toEqual([expect.objectContaining({ line: AREAS.length * YEARS + 1, field: 'value', value: 'oops' })]);
    expect(await countRows(handle.db, 'observation')).toBe(0);
    expect(await indexNames()).toEqual(INDEXES);
  });

  it('written whole, with every index built again', async () => {
    const progress: number[] = [];
    const summary = await importObservationRows(handle.db, rows(), {
      clock,
      expectedRows: AREAS.length * YEARS,
      onProgress: (done) => progress.push(done),
    });
    expect(summary).toMatchObject({ rowsRead: AREAS.length * YEARS, rowsWritten: AREAS.length * YEARS });
    expect(progress.at(-1)).toBe(AREAS.length * YEARS);
    expect(await indexNames()).toEqual(INDEXES);
    const values = await getValuesForPeriod(handle.db, 'REC', 'FY2021', [AREAS[10_999]!]);
    expect(values.map((o) => o.value)).toEqual([(10_999 * 7 + 11) / 10]);
  });

  it('again: every row unchanged, nothing written', async () => {
    const summary = await importObservationRows(handle.db, rows(), { clock, expectedRows: AREAS.length * YEARS });
    expect(summary).toMatchObject({ rowsWritten: 0, rowsUnchanged: AREAS.length * YEARS });
    expect(await countRows(handle.db, 'observation')).toBe(AREAS.length * YEARS);
    expect(await countRows(handle.db, 'import_batch')).toBe(1);
  });
});
