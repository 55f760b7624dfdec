/** Reading observations: the current figures, or those published as of an instant. */
import type { SelectQueryBuilder } from 'kysely';
import type { Database, ObservationRow } from '../../platform/db/schema.ts';
import type { Executor } from './observation.types.ts';

type ObservationQueryBuilder = SelectQueryBuilder<Database, 'observation', object>;

export interface ObservationFilter {
  indicator?: string;
  area?: string;
  /** a period key */
  period?: string;
  /** an ISO instant; absent = the current figures */
  asOf?: string;
}

const IN_LIST = 500;

/** Current figures, or the revision that was current at `asOf`. */
function visibleAt<Q extends ObservationQueryBuilder>(q: Q, asOf: string | undefined): Q {
  if (asOf === undefined) return q.where('superseded_at', 'is', null) as Q;
  return q
    .where('published_at', '<=', asOf)
    .where((eb) => eb.or([eb('superseded_at', 'is', null), eb('superseded_at', '>', asOf)])) as Q;
}

function filtered(db: Executor, f: ObservationFilter): ObservationQueryBuilder {
  let q = visibleAt(db.selectFrom('observation'), f.asOf);
  if (f.indicator !== undefined) q = q.where('indicator_code', '=', f.indicator);
  // an area without an indicator: one seek per catalogue code on the (indicator, area, …) index,
  // which serves whether or not an area-first index exists
  else if (f.area !== undefined) q = q.where('indicator_code', 'in', db.selectFrom('indicator').select('code'));
  if (f.area !== undefined) q = q.where('area_code', '=', f.area);
  if (f.period !== undefined) q = q.where('period', '=', f.period);
  return q;
}

export async function findObservations(
  db: Executor,
  f: ObservationFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: ObservationRow[]; total: number }> {
  const rows = await filtered(db, f)
    .selectAll()
    .orderBy('indicator_code')
    .orderBy('area_code')
    .orderBy('period_start')
    .orderBy('period_end')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

export async function findSeries(db: Executor, indicator: string, area: string, asOf?: string): Promise<ObservationRow[]> {
  return filtered(db, { indicator, area, asOf }).selectAll().orderBy('period_start').orderBy('period_end').execute();
}

export async function findValuesForPeriod(
  db: Executor,
  indicator: string,
  period: string,
  areaCodes?: readonly string[],
): Promise<ObservationRow[]> {
  const base = () => filtered(db, { indicator, period }).selectAll().orderBy('area_code');
  if (areaCodes === undefined) return base().execute();
  const rows: ObservationRow[] = [];
  const unique = [...new Set(areaCodes)];
  for (let i = 0; i < unique.length; i += IN_LIST)
    rows.push(
      ...(await base()
        .where('area_code', 'in', unique.slice(i, i + IN_LIST))
        .execute()),
    );
  return rows.sort((a, b) => (a.area_code < b.area_code ? -1 : a.area_code > b.area_code ? 1 : 0));
}

/** Period keys with at least one current value (not only suppressed or missing figures), oldest first. */
export async function findPeriodsWithValues(db: Executor, indicator: string): Promise<string[]> {
  const rows = await filtered(db, { indicator })
    .where('value', 'is not', null)
    .select(['period', 'period_start', 'period_end'])
    .distinct()
    .orderBy('period_start')
    .orderBy('period_end')
    .execute();
  return rows.map((r) => r.period);
}

export async function findLatestPeriodWithValues(db: Executor, indicator: string): Promise<string | undefined> {
  const row = await filtered(db, { indicator })
    .where('value', 'is not', null)
    .select('period')
    .orderBy('period_start', 'desc')
    .orderBy('period_end', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.period;
}

/** One seek per catalogue code on the (indicator, area, …) index. */
export async function findIndicatorCodesForArea(db: Executor, area: string): Promise<string[]> {
  const rows = await db
    .selectFrom('indicator')
    .select('code')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('observation')
          .select('id')
          .whereRef('observation.indicator_code', '=', 'indicator.code')
          .where('observation.area_code', '=', area)
          .where('observation.superseded_at', 'is', null),
      ),
    )
    .orderBy('code')
    .execute();
  return rows.map((r) => r.code);
}

/** Areas with any current figure for the indicator, in any period. */
export async function findAreasWithData(db: Executor, indicator: string): Promise<string[]> {
  const rows = await filtered(db, { indicator }).select('area_code').distinct().execute();
  return rows.map((r) => r.area_code);
}

/** When figures for the indicator and period were first and last published (any revision). */
export async function findPublicationSpan(
  db: Executor,
  indicator: string,
  period: string,
): Promise<{ first: string | null; last: string | null }> {
  const row = await db
    .selectFrom('observation')
    .where('indicator_code', '=', indicator)
    .where('period', '=', period)
    .select((eb) => [eb.fn.min('published_at').as('first'), eb.fn.max('published_at').as('last')])
    .executeTakeFirst();
  return { first: (row?.first as string | null) ?? null, last: (row?.last as string | null) ?? null };
}

/** The columns a figure needs (no ids, dates or provenance): a narrow row is several times cheaper to read. */
const FIGURE_COLUMNS = [
  'indicator_code',
  'area_code',
  'period',
  'revision',
  'value',
  'numerator',
  'denominator',
  'sample_size',
  'ci_lower',
  'ci_upper',
  'status',
] as const;

export type FigureRow = Pick<ObservationRow, (typeof FIGURE_COLUMNS)[number]>;

/** One area's figures for every indicator in the catalogue, by indicator then period key. */
export async function findFiguresForArea(db: Executor, area: string, asOf?: string): Promise<FigureRow[]> {
  return filtered(db, { area, asOf }).select(FIGURE_COLUMNS).orderBy('indicator_code').orderBy('period').execute();
}

/**
 * Figures for several (indicator, period) pairs at once, of every area or of the areas given. The
 * pairs are grouped by period so each group seeks (indicator, period, area) on an index.
 */
export async function findFiguresForPeriods(
  db: Executor,
  pairs: readonly { indicator: string; period: string }[],
  areaCodes: readonly string[] | undefined,
  asOf?: string,
): Promise<FigureRow[]> {
  const byPeriod = new Map<string, Set<string>>();
  for (const p of pairs) byPeriod.set(p.period, (byPeriod.get(p.period) ?? new Set()).add(p.indicator));
  if (byPeriod.size === 0) return [];
  const base = () =>
    visibleAt(db.selectFrom('observation'), asOf)
      .select(FIGURE_COLUMNS)
      .where((eb) =>
        eb.or(
          [...byPeriod].map(([period, codes]) => eb.and([eb('period', '=', period), eb('indicator_code', 'in', [...codes])])),
        ),
      );
  if (areaCodes === undefined) return base().execute();
  const unique = [...new Set(areaCodes)];
  const rows: FigureRow[] = [];
  for (let i = 0; i < unique.length; i += IN_LIST)
    rows.push(
      ...(await base()
        .where('area_code', 'in', unique.slice(i, i + IN_LIST))
        .execute()),
    );
  return rows;
}
