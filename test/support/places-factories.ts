/**
 * Test data for places and bodies: the real files in data/, small area files in the documented
 * format, and copies of real files with one line broken.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { fixedClock } from '../../src/platform/clock.ts';
import type { SubmittedFile } from '../../src/platform/files.ts';
import type { ImportSummary } from '../../src/platform/import-summary.ts';
import { type Executor, GENERIC_AREA_COLUMNS, importAreaFile } from '../../src/modules/places/index.ts';
import { importBodyFile } from '../../src/modules/bodies/index.ts';

export const DATA_DIR = resolve(import.meta.dirname, '../../data');

/** The real area and boundary files, by a short name. */
export const REAL_AREA_FILES = {
  localAuthorities: 'areas/uk_local_authorities_current.csv',
  councilDeprivation: 'areas/mysociety_la_imd.csv',
  twoTierWards2019: 'areas/ons_ward_lad_county_ced_may2019_england.csv',
  wards2019: 'areas/ons_ward_to_lad_dec2019_uk.csv',
  gmWards2023: 'boundaries/trafford_lab_gm_ward_2023_super_generalised.geojson',
  lsoas: 'areas/ons_imd2019_lsoa_lad_england.csv',
  laChanges: 'boundaries/ons_la_changes_2014_2025.csv',
} as const;

export type RealAreaFile = keyof typeof REAL_AREA_FILES;

export function testClock() {
  return fixedClock('2025-06-01T09:00:00.000Z');
}

/** A file from data/, as a submitted file named as on disk. */
export function dataFile(path: string): SubmittedFile {
  return { name: path.replace(/^.*\//, ''), content: readFileSync(join(DATA_DIR, path)) };
}

export function realAreaFile(which: RealAreaFile): SubmittedFile {
  return dataFile(REAL_AREA_FILES[which]);
}

/** Imports real area files in the order given (local authorities first, normally). */
export async function importRealAreas(db: Executor, which: readonly RealAreaFile[]): Promise<ImportSummary[]> {
  const summaries: ImportSummary[] = [];
  for (const w of which) summaries.push(await importAreaFile(db, realAreaFile(w), { clock: testClock() }));
  return summaries;
}

/** Councils, regions and countries, plus Greater Manchester's 2023 wards: enough for Trafford. */
export async function seedTraffordPlaces(db: Executor): Promise<void> {
  await importRealAreas(db, ['localAuthorities', 'gmWards2023']);
}

/** Councils as areas, then as bodies, from mySociety's local authorities file. */
export async function seedCouncils(db: Executor): Promise<void> {
  await importRealAreas(db, ['localAuthorities']);
  await importBodyFile(db, realAreaFile('localAuthorities'), { clock: testClock() });
}

/** The demo Local Strategic Partnership (src/modules/bodies/demo/trafford-partnership.json). */
export function demoPartnershipFile(): SubmittedFile {
  const path = resolve(import.meta.dirname, '../../src/modules/bodies/demo/trafford-partnership.json');
  return { name: 'trafford-partnership.json', content: readFileSync(path) };
}

/** A bodies file in the documented JSON format. */
export function bodiesJson(bodies: readonly Record<string, unknown>[], name = 'bodies.json'): SubmittedFile {
  return { name, content: JSON.stringify({ bodies }) };
}

export type GenericAreaRow = Partial<Record<(typeof GENERIC_AREA_COLUMNS)[number], string>> & {
  code: string;
  name: string;
  type: string;
};

/** An area file in the documented CSV format, with only the columns the rows use. */
export function areaCsv(rows: readonly GenericAreaRow[], name = 'areas.csv'): SubmittedFile {
  const columns = GENERIC_AREA_COLUMNS.filter((c) => rows.some((r) => r[c] !== undefined));
  return { name, content: stringify([columns, ...rows.map((r) => columns.map((c) => r[c] ?? ''))]) };
}

/** A copy of a text file with line `line` (1 = header) passed through `change`. */
export function withLine(file: SubmittedFile, line: number, change: (text: string) => string): SubmittedFile {
  const text = typeof file.content === 'string' ? file.content : file.content.toString('utf8');
  const lines = text.split('\n');
  lines[line - 1] = change(lines[line - 1] ?? '');
  return { name: file.name, content: lines.join('\n') };
}

/** The first `count` data rows of a CSV file, with its header. */
export function headOf(file: SubmittedFile, count: number): SubmittedFile {
  const text = typeof file.content === 'string' ? file.content : file.content.toString('utf8');
  return {
    name: file.name,
    content: `${text
      .split('\n')
      .slice(0, count + 1)
      .join('\n')}\n`,
  };
}

const PLACES_TABLES = ['area', 'area_parent', 'area_closure', 'area_identifier', 'area_succession', 'boundary_set'] as const;
const BODIES_TABLES = ['body', 'body_area', 'body_membership', 'body_identifier'] as const;

/** Row counts of the places tables, to show that a refused file changed nothing. */
export async function placesTableCounts(db: Executor): Promise<Record<string, number>> {
  return tableCounts(db, PLACES_TABLES);
}

/** Row counts of the bodies tables. */
export async function bodiesTableCounts(db: Executor): Promise<Record<string, number>> {
  return tableCounts(db, BODIES_TABLES);
}

async function tableCounts(
  db: Executor,
  tables: readonly ((typeof PLACES_TABLES)[number] | (typeof BODIES_TABLES)[number])[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const row = await db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[t] = Number(row.n);
  }
  return counts;
}
