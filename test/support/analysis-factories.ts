/**
 * Test data for the analysis module, written straight into the tables (area, area_parent,
 * area_closure, indicator, indicator_version, observation) so analysis tests do not depend on the
 * other modules' importers.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';
import { fixedClock } from '../../src/platform/clock.ts';

type Db = Kysely<Database> | Transaction<Database>;

export const analysisClock = () => fixedClock('2025-06-01T09:00:00.000Z');

export interface AreaSeed {
  code: string;
  name?: string;
  type: string;
  /** parent codes (current links) */
  parents?: string[];
  countryCode?: string | null;
  population?: number | null;
  imdRank?: number | null;
  imdScore?: number | null;
  validTo?: string | null;
}

/** Insert areas and their parent links, then rebuild the closure of every current link. */
export async function seedAreas(db: Db, areas: readonly AreaSeed[]): Promise<void> {
  for (const part of chunk(areas, 200)) {
    await db
      .insertInto('area')
      .values(
        part.map((a) => ({
          code: a.code,
          name: a.name ?? a.code,
          type: a.type,
          country_code: a.countryCode === undefined ? (a.code.startsWith('E') ? 'E92000001' : null) : a.countryCode,
          valid_from: null,
          valid_to: a.validTo ?? null,
          population: a.population ?? null,
          population_year: a.population == null ? null : 2021,
          imd_rank: a.imdRank ?? null,
          imd_score: a.imdScore ?? null,
          imd_decile: null,
          source: 'test',
        })),
      )
      .execute();
  }
  const links = areas.flatMap((a) =>
    (a.parents ?? []).map((p) => ({
      child_code: a.code,
      parent_code: p,
      valid_from: '2000-01-01',
      valid_to: null,
      source: 'test',
    })),
  );
  for (const part of chunk(links, 200)) await db.insertInto('area_parent').values(part).execute();
  await rebuildClosure(db);
}

/** area_closure from every current area_parent link (depth 0 = self). */
export async function rebuildClosure(db: Db): Promise<void> {
  const codes = (await db.selectFrom('area').select('code').execute()).map((r) => r.code);
  const links = await db.selectFrom('area_parent').select(['child_code', 'parent_code']).where('valid_to', 'is', null).execute();
  const parents = new Map<string, string[]>();
  for (const l of links) parents.set(l.child_code, [...(parents.get(l.child_code) ?? []), l.parent_code]);
  const rows: { ancestor_code: string; descendant_code: string; depth: number }[] = [];
  for (const code of codes) {
    const depth = new Map<string, number>([[code, 0]]);
    const queue = [code];
    while (queue.length > 0) {
      const c = queue.shift()!;
      for (const p of parents.get(c) ?? []) {
        if (depth.has(p)) continue;
        depth.set(p, depth.get(c)! + 1);
        queue.push(p);
      }
    }
    for (const [ancestor, d] of depth) rows.push({ ancestor_code: ancestor, descendant_code: code, depth: d });
  }
  await db.deleteFrom('area_closure').execute();
  for (const part of chunk(rows, 300)) await db.insertInto('area_closure').values(part).execute();
}

export interface IndicatorSeed {
  code: string;
  title?: string;
  description?: string;
  unit?: string;
  unitMultiplier?: number | null;
  decimalPlaces?: number;
  polarity?: 'higher_is_better' | 'lower_is_better' | 'target_range' | 'none';
  targetRange?: { low: number; high: number } | null;
  areaAggregation?: 'sum' | 'ratio' | 'population_weighted_mean' | 'none';
  periodType?: string;
  areaTypes?: string[];
  theme?: string | null;
}

export async function seedIndicator(db: Db, s: IndicatorSeed): Promise<void> {
  const createdAt = '2025-01-01T00:00:00.000Z';
  await db.insertInto('indicator').values({ code: s.code, current_version: 1, created_at: createdAt }).execute();
  await db
    .insertInto('indicator_version')
    .values({
      indicator_code: s.code,
      version: 1,
      title: s.title ?? `Indicator ${s.code}`,
      description: s.description ?? `What ${s.code} measures. More detail here.`,
      rationale: null,
      numerator_definition: null,
      denominator_definition: null,
      unit: s.unit ?? 'percentage',
      unit_multiplier: s.unitMultiplier ?? null,
      decimal_places: s.decimalPlaces ?? 1,
      polarity: s.polarity ?? 'higher_is_better',
      target_range_low: s.targetRange?.low ?? null,
      target_range_high: s.targetRange?.high ?? null,
      area_aggregation: s.areaAggregation ?? 'ratio',
      time_aggregation: 'latest',
      frequency: 'annual',
      period_type: s.periodType ?? 'financial_year',
      area_types: JSON.stringify(s.areaTypes ?? ['ward']),
      theme: s.theme === undefined ? 'test' : s.theme,
      source: 'test',
      owner_body_id: null,
      collection_method: 'administrative',
      comparability_note: null,
      fingerprint: `test-${s.code}`,
      created_at: createdAt,
    })
    .execute();
}

export interface ObservationSeed {
  area: string;
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
  ciLower?: number | null;
  ciUpper?: number | null;
  status?: 'final' | 'provisional' | 'suppressed' | 'not_available';
  revision?: number;
  publishedAt?: string;
  supersededAt?: string | null;
}

/** Period type, start and end of the keys tests use: FY2022, CY2021. */
export function periodBounds(key: string): { type: string; start: string; end: string } {
  const fy = /^FY(\d{4})$/.exec(key);
  if (fy) return { type: 'financial_year', start: `${fy[1]}-04-01`, end: `${Number(fy[1]) + 1}-03-31` };
  const cy = /^CY(\d{4})$/.exec(key);
  if (cy) return { type: 'calendar_year', start: `${cy[1]}-01-01`, end: `${cy[1]}-12-31` };
  throw new Error(`analysis factories know only FYyyyy and CYyyyy keys, not ${key}`);
}

export async function seedObservations(
  db: Db,
  indicator: string,
  period: string,
  rows: readonly ObservationSeed[],
): Promise<void> {
  const p = periodBounds(period);
  const values = rows.map((r) => ({
    indicator_code: indicator,
    indicator_version: 1,
    area_code: r.area,
    period,
    period_type: p.type,
    period_start: p.start,
    period_end: p.end,
    value: r.value,
    numerator: r.numerator ?? null,
    denominator: r.denominator ?? null,
    sample_size: null,
    ci_lower: r.ciLower ?? null,
    ci_upper: r.ciUpper ?? null,
    status: r.status ?? 'final',
    source_body_id: null,
    import_id: null,
    revision: r.revision ?? 1,
    published_at: r.publishedAt ?? '2025-01-01T00:00:00.000Z',
    superseded_at: r.supersededAt ?? null,
  }));
  for (const part of chunk(values, 200)) await db.insertInto('observation').values(part).execute();
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * A small hierarchy: England → North West → Trafford (metropolitan district) with 3 wards, and
 * Stockport and Bury (metropolitan districts, 2 wards each), plus a London borough elsewhere.
 */
export const SMALL_WORLD: readonly AreaSeed[] = [
  { code: 'E92000001', name: 'England', type: 'country', countryCode: 'E92000001' },
  { code: 'E12000002', name: 'North West', type: 'region', parents: ['E92000001'] },
  { code: 'E12000007', name: 'London', type: 'region', parents: ['E92000001'] },
  { code: 'E08000009', name: 'Trafford', type: 'metropolitan_district', parents: ['E12000002'], population: 235_000 },
  { code: 'E08000007', name: 'Stockport', type: 'metropolitan_district', parents: ['E12000002'], population: 295_000 },
  { code: 'E08000002', name: 'Bury', type: 'metropolitan_district', parents: ['E12000002'], population: 193_000 },
  { code: 'E09000001', name: 'City of London', type: 'london_borough', parents: ['E12000007'], population: 8_600 },
  { code: 'E05000001', name: 'Altrincham', type: 'ward', parents: ['E08000009'], population: 12_000 },
  { code: 'E05000002', name: 'Bowdon', type: 'ward', parents: ['E08000009'], population: 10_000 },
  { code: 'E05000003', name: 'Sale Central', type: 'ward', parents: ['E08000009'], population: 11_000 },
  { code: 'E05000004', name: 'Bramhall', type: 'ward', parents: ['E08000007'], population: 14_000 },
  { code: 'E05000005', name: 'Marple', type: 'ward', parents: ['E08000007'], population: 13_000 },
  { code: 'E05000006', name: 'Radcliffe', type: 'ward', parents: ['E08000002'], population: 15_000 },
  { code: 'E05000007', name: 'Ramsbottom', type: 'ward', parents: ['E08000002'], population: 9_000 },
];
