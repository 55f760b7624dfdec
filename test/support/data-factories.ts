/**
 * Test data for the data module: areas written straight into the area table (type from the GSS
 * prefix), indicator definitions through the indicators module, and the real files of data/.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { fixedClock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { readCsv, type SubmittedFile } from '../../src/platform/files.ts';
import { importIndicatorFile, saveIndicatorDefinitions, type IndicatorInput } from '../../src/modules/indicators/index.ts';
import { indicatorInput } from './indicator-factories.ts';

type Db = Kysely<Database>;

const ROOT = resolve(import.meta.dirname, '../..');

/** A file of data/ as an upload. */
export function dataFile(relativePath: string): SubmittedFile {
  const path = resolve(ROOT, relativePath);
  return { name: relativePath.split('/').pop()!, content: readFileSync(path) };
}

export const RECYCLING_FILE = 'data/indicators/trafford_lab_household_recycling_rate_all_LAs.csv';
export const OFLOG_FILE = 'data/indicators/oflog_asc_data.csv';
export const WARD_FILE = 'data/indicators/trafford_ward_indicators.csv';
export const WARD_META_FILE = 'data/indicators/trafford_ward_indicator_meta.csv';

const TYPE_BY_PREFIX: Record<string, string> = {
  E05: 'ward',
  E06: 'unitary',
  E07: 'district',
  E08: 'metropolitan_district',
  E09: 'london_borough',
  E10: 'county',
  E11: 'metropolitan_county',
  E12: 'region',
  E92: 'country',
  W06: 'unitary',
  W05: 'ward',
  S12: 'unitary',
  N09: 'district',
};

export function areaTypeOf(code: string): string {
  return TYPE_BY_PREFIX[code.slice(0, 3)] ?? 'district';
}

export interface TestArea {
  code: string;
  name?: string;
  type?: string;
  validTo?: string | null;
}

/** Writes areas straight into the area table (idempotent). */
export async function insertAreas(db: Db, areas: readonly (TestArea | string)[]): Promise<void> {
  const rows = areas.map((a) => (typeof a === 'string' ? { code: a } : a));
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('area')
      .values(
        rows.slice(i, i + 500).map((a) => ({
          code: a.code,
          name: a.name ?? `Area ${a.code}`,
          type: a.type ?? areaTypeOf(a.code),
          country_code: { E: 'E92000001', W: 'W92000004', S: 'S92000003', N: 'N92000002' }[a.code[0] ?? ''] ?? null,
          valid_from: null,
          valid_to: a.validTo ?? null,
          population: null,
          population_year: null,
          imd_rank: null,
          imd_score: null,
          imd_decile: null,
          source: 'test',
        })),
      )
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }
}

/** Every distinct code in a column of a real CSV file. */
export function codesInFile(relativePath: string, column: string): string[] {
  const { records } = readCsv(dataFile(relativePath));
  return [...new Set(records.map((r) => r.values[column] ?? '').filter((c) => c !== ''))];
}

/** The areas a real file names, written into the area table. */
export async function insertAreasOfFile(db: Db, relativePath: string, column: string): Promise<string[]> {
  const codes = codesInFile(relativePath, column);
  await insertAreas(db, codes);
  return codes;
}

/** The indicators module's demo definitions (NI192, SCOT-HH-RECYCLING, ASC1–ASC7 …). */
export async function importDemoIndicators(db: Db): Promise<void> {
  await importIndicatorFile(db, dataFile('src/modules/indicators/demo/indicators.json'), {
    clock: fixedClock('2024-01-01T00:00:00Z'),
  });
}

/** Saves test indicator definitions (see indicator-factories.ts for the defaults). */
export async function saveTestIndicators(db: Db, ...overrides: Partial<IndicatorInput>[]): Promise<void> {
  await saveIndicatorDefinitions(
    db,
    overrides.map((o) => indicatorInput(o)),
    fixedClock('2024-01-01T00:00:00Z'),
  );
}

/** A tidy CSV upload from rows of cells (header first). */
export function tidyCsv(name: string, rows: readonly (readonly (string | number)[])[]): SubmittedFile {
  return { name, content: Buffer.from(rows.map((r) => r.join(',')).join('\n') + '\n') };
}

export const TIDY_HEADER = [
  'indicator',
  'area',
  'period',
  'value',
  'numerator',
  'denominator',
  'sample_size',
  'ci_lower',
  'ci_upper',
  'status',
] as const;

export async function countRows(db: Db, table: 'observation' | 'import_batch' | 'indicator'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
