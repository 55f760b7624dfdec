/** A case's chart: its indicator's figures for its area, and the comparator group's median each period. */
import type { Executor } from '../../../platform/db/executor.ts';
import { median } from '../../analysis/index.ts';
import { getFiguresForPeriods, getSeries } from '../../data/index.ts';
import { getArea } from '../../places/index.ts';
import type { Case, SeriesPoint } from '../improvement.types.ts';
import { ComparatorGroups } from './comparators.ts';

export interface CaseChart {
  series: SeriesPoint[];
  medians: { period: string; median: number }[];
  group: { id: string; name: string } | null;
}

export async function caseChart(db: Executor, c: Case): Promise<CaseChart> {
  const indicator = c.subject.indicatorCode;
  if (!indicator) return { series: [], medians: [], group: null };
  const series: SeriesPoint[] = (await getSeries(db, indicator, c.subject.areaCode))
    .filter((o) => o.value !== null && Number.isFinite(o.value))
    .map((o) => ({ period: o.period, periodEnd: o.periodEnd, value: o.value!, ciLower: o.ciLower, ciUpper: o.ciUpper }));
  const area = await getArea(db, c.subject.areaCode);
  if (!area || series.length === 0) return { series, medians: [], group: null };
  const group = await new ComparatorGroups(db).forArea({ code: area.code, type: area.type });
  const figures = await getFiguresForPeriods(
    db,
    series.map((p) => ({ indicator, period: p.period })),
    group.memberCodes,
  );
  const medians = series.flatMap((p) => {
    const values = figures.filter((f) => f.period === p.period && f.value !== null).map((f) => f.value!);
    const m = median(values);
    return m === null ? [] : [{ period: p.period, median: m }];
  });
  return { series, medians, group: { id: group.id, name: group.name } };
}
