/**
 * A target's chart: the published figures of its measure against its trajectory (baseline, milestones,
 * target, joined by straight lines), and the forecast from the latest figure to the target period with
 * its 80% interval shaded. The same figures go in the table beside it.
 */
import { lineChartSvg, type LineSeries } from '../../../../platform/web/charts/index.ts';
import type { IndicatorDefinition } from '../../../indicators/index.ts';
import { comparePeriods, nextPeriod, periodFromKey, type Period } from '../../../periods/index.ts';
import { expectedAt, type TargetDetail, type TargetValue, type ValueFormat } from '../../index.ts';
import { formatOf } from '../plan-common/figures.ts';
import { targetValueInWords } from '../words.ts';

export interface ChartRowView {
  period: string;
  actual: string;
  expected: string;
  forecast: string;
}

export interface TargetChartView {
  title: string;
  summary: string;
  svg: string;
  rows: ChartRowView[];
}

const UNIT_WORDS: Record<string, string> = {
  percentage: 'Per cent',
  count: 'Count',
  rate: 'Rate',
  money: 'Pounds (£)',
  days: 'Days',
  score: 'Score',
  ratio: 'Ratio',
  index: 'Index',
};

function yLabelOf(indicator: IndicatorDefinition | null, measure: 'level' | 'gap'): string {
  if (!indicator) return 'Value';
  if (measure === 'gap') return indicator.unit === 'percentage' ? 'Percentage points' : 'Gap';
  const words = UNIT_WORDS[indicator.unit] ?? 'Value';
  return indicator.unit === 'rate' && indicator.unitMultiplier
    ? `${words} per ${indicator.unitMultiplier.toLocaleString('en-GB')}`
    : words;
}

/** Every period from the first to the last (of one type, filled in between so time is evenly spaced). */
function periodsOf(detail: TargetDetail): Period[] {
  const t = detail.target;
  const keys = new Map<string, Period>();
  for (const a of detail.actuals) keys.set(a.period.key, a.period);
  for (const p of detail.trajectory) keys.set(p.period.key, p.period);
  const targetPeriod = periodFromKey(t.target.period);
  keys.set(targetPeriod.key, targetPeriod);
  const sorted = [...keys.values()].sort(comparePeriods);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last || sorted.some((p) => p.type !== first.type)) return sorted;
  const filled: Period[] = [];
  for (let p = first; comparePeriods(p, last) <= 0 && filled.length < 200; p = nextPeriod(p)) filled.push(p);
  return filled;
}

function trajectoryInputOf(detail: TargetDetail) {
  const t = detail.target;
  return {
    direction: t.direction,
    baseline: t.baseline ? { period: periodFromKey(t.baseline.period), value: t.baseline.value } : null,
    target: { period: periodFromKey(t.target.period), value: t.target.value },
    milestones: t.milestones.map((m) => ({ period: periodFromKey(m.period), value: m.value })),
  };
}

const lowOf = (v: TargetValue | null) => (v === null ? null : 'value' in v ? v.value : v.low);
const highOf = (v: TargetValue | null) => (v === null ? null : 'value' in v ? v.value : v.high);

function summaryOf(detail: TargetDetail, format: ValueFormat): string {
  const known = detail.actuals.filter((a) => a.value !== null);
  const first = known[0];
  const last = known[known.length - 1];
  const t = detail.target;
  const figures =
    !first || !last
      ? 'No figures have been published for this target yet'
      : first === last
        ? `The one published figure is ${format(last.value!)} in ${last.period.label}`
        : `Published figures went from ${format(first.value!)} in ${first.period.label} to ${format(last.value!)} in ${last.period.label}`;
  const target = `the target is ${targetValueInWords(t.target.value, format)} by ${periodFromKey(t.target.period).label}`;
  const f = detail.forecast;
  const forecast = f.value === null ? '' : `; the forecast for ${periodFromKey(f.period).label} is ${format(f.value)}`;
  return `${figures}; ${target}${forecast}.`;
}

export function targetChart(detail: TargetDetail): TargetChartView {
  const format = formatOf(detail.indicator, detail.target.measure);
  const periods = periodsOf(detail);
  const input = trajectoryInputOf(detail);
  const actualByKey = new Map(detail.actuals.map((a) => [a.period.key, a.value]));
  const actuals = periods.map((p) => actualByKey.get(p.key) ?? null);
  const expected = periods.map((p) => expectedAt(input, p));
  const f = detail.forecast;
  const latestIndex = actuals.reduce<number>((found, v, i) => (v === null ? found : i), -1);
  const forecastIndex = periods.findIndex((p) => p.key === f.period);
  const hasForecast = f.value !== null && latestIndex >= 0 && forecastIndex > latestIndex;
  const latest = latestIndex >= 0 ? actuals[latestIndex]! : null;
  const series: LineSeries[] = [{ name: 'Published figures', values: actuals, emphasis: true }];
  if (hasForecast && latest !== null) {
    // straight from the latest figure to the forecast (and the interval's ends), across the periods between
    const line = (end: number) =>
      periods.map((_, i) =>
        i < latestIndex || i > forecastIndex
          ? null
          : latest + ((end - latest) * (i - latestIndex)) / (forecastIndex - latestIndex),
      );
    series.push({
      name: 'Forecast',
      values: line(f.value!),
      ...(f.low !== null && f.high !== null ? { lower: line(f.low), upper: line(f.high) } : {}),
    });
  }
  const range = detail.target.direction === 'range';
  if (range) {
    series.push({ name: 'Trajectory, low end', values: expected.map(lowOf) });
    series.push({ name: 'Trajectory, high end', values: expected.map(highOf) });
  }
  const title = `${detail.target.title}: published figures, trajectory and forecast`;
  const summary = summaryOf(detail, format);
  const svg = lineChartSvg({
    id: 'target-chart',
    title,
    summary,
    yLabel: yLabelOf(detail.indicator, detail.target.measure),
    format,
    categories: periods.map((p) => p.label),
    series,
    ...(range ? {} : { target: { label: 'Trajectory', values: expected.map(lowOf) } }),
    bandLabel: 'Forecast’s 80% interval',
  });
  const rows = periods.map((p, i) => ({
    period: p.label,
    actual: actuals[i] === null ? '' : format(actuals[i]!),
    expected: expected[i] ? targetValueInWords(expected[i]!, format) : '',
    forecast:
      hasForecast && i === forecastIndex
        ? `${format(f.value!)}${f.low !== null && f.high !== null ? ` (${format(f.low)} to ${format(f.high)})` : ''}`
        : '',
  }));
  return { title, summary, svg, rows };
}
