/**
 * A case's chart: the published figures of its indicator for its area, with the comparator group's
 * median beside them, and the same figures in a table.
 */
import { lineChartSvg } from '../../../../../platform/web/charts/index.ts';
import { comparePeriods, tryPeriodFromKey } from '../../../../periods/index.ts';
import type { SeriesPoint } from '../../../improvement.types.ts';

export interface CaseChartRow {
  period: string;
  value: string;
  interval: string;
  median: string;
}

export interface CaseChartView {
  title: string;
  summary: string;
  svg: string;
  rows: CaseChartRow[];
}

/** A period key as people read it ('2023/24' → '2023/24', '2024-Q1' → 'April to June 2024'). */
export const periodLabel = (key: string): string => tryPeriodFromKey(key)?.label ?? key;

export interface CaseChartInput {
  indicatorTitle: string;
  areaName: string;
  yLabel: string;
  format: (value: number) => string;
  series: SeriesPoint[];
  medians: { period: string; median: number }[];
  /** the comparator group the medians are of */
  groupName?: string;
}

/** Every period with a figure or a median, oldest first. */
function periodsOf(input: CaseChartInput): string[] {
  const ends = new Map(input.series.map((p) => [p.period, p.periodEnd]));
  const keys = [...new Set([...input.series.map((p) => p.period), ...input.medians.map((m) => m.period)])];
  return keys.sort((a, b) => {
    const pa = tryPeriodFromKey(a);
    const pb = tryPeriodFromKey(b);
    if (pa && pb) return comparePeriods(pa, pb);
    return (ends.get(a) ?? a).localeCompare(ends.get(b) ?? b);
  });
}

function summaryOf(input: CaseChartInput, periods: string[], values: (number | null)[]): string {
  const known = periods
    .map((p, i) => ({ p, v: values[i] }))
    .filter((x): x is { p: string; v: number } => x.v !== null && x.v !== undefined);
  const first = known[0];
  const last = known[known.length - 1];
  if (!first || !last) return `No figures have been published for ${input.areaName} yet.`;
  const lastMedian = input.medians.find((m) => m.period === last.p);
  const figures =
    first === last
      ? `The one published figure for ${input.areaName} is ${input.format(last.v)} in ${periodLabel(last.p)}`
      : `${input.areaName}’s figures went from ${input.format(first.v)} in ${periodLabel(first.p)} to ${input.format(last.v)} in ${periodLabel(last.p)}`;
  const group = input.groupName ? `the median of ${input.groupName}` : 'the comparator group’s median';
  const median = lastMedian ? `; ${group} that period was ${input.format(lastMedian.median)}` : '';
  return `${figures}${median}.`;
}

export function caseChart(input: CaseChartInput): CaseChartView {
  const periods = periodsOf(input);
  const byPeriod = new Map(input.series.map((p) => [p.period, p]));
  const medianOf = new Map(input.medians.map((m) => [m.period, m.median]));
  const values = periods.map((p) => byPeriod.get(p)?.value ?? null);
  const lower = periods.map((p) => byPeriod.get(p)?.ciLower ?? null);
  const upper = periods.map((p) => byPeriod.get(p)?.ciUpper ?? null);
  const hasInterval = lower.some((v) => v !== null) && upper.some((v) => v !== null);
  const medians = periods.map((p) => medianOf.get(p) ?? null);
  const medianName = input.groupName ? `Median of ${input.groupName}` : 'Comparator group’s median';
  const title = `${input.indicatorTitle}: ${input.areaName} and its comparator group’s median`;
  const summary = summaryOf(input, periods, values);
  const svg = lineChartSvg({
    id: 'case-chart',
    title,
    summary,
    yLabel: input.yLabel,
    format: input.format,
    categories: periods.map(periodLabel),
    series: [
      { name: input.areaName, values, emphasis: true, ...(hasInterval ? { lower, upper } : {}) },
      ...(medians.some((m) => m !== null) ? [{ name: medianName, values: medians }] : []),
    ],
    ...(hasInterval ? { bandLabel: 'Confidence interval' } : {}),
  });
  const rows = periods.map((p, i) => ({
    period: periodLabel(p),
    value: values[i] === null || values[i] === undefined ? '' : input.format(values[i]!),
    interval: lower[i] !== null && upper[i] !== null ? `${input.format(lower[i]!)} to ${input.format(upper[i]!)}` : '',
    median: medians[i] === null || medians[i] === undefined ? '' : input.format(medians[i]!),
  }));
  return { title, summary, svg, rows };
}
