/** How a target's figures read on the plans pages: the indicator's own unit and decimal places. */
import { formatDifference, formatValue, type IndicatorDefinition } from '../../../indicators/index.ts';
import { tryPeriodFromKey } from '../../../periods/index.ts';
import {
  plainNumber,
  type Forecast,
  type StatusRule,
  type Target,
  type TargetAssessment,
  type ValueFormat,
} from '../../index.ts';
import { planUrls } from '../urls.ts';
import { targetValueInWords, type TrendWord } from '../words.ts';

export type Indicators = ReadonlyMap<string, IndicatorDefinition>;

/**
 * How the indicator's values read ("58.4%"); a gap between parts of an area is a difference, so a gap
 * in a percentage reads in percentage points.
 */
export function formatOf(indicator: IndicatorDefinition | null | undefined, measure: Target['measure'] = 'level'): ValueFormat {
  if (!indicator) return plainNumber;
  if (measure === 'gap') return (value: number) => formatDifference(indicator, value);
  return (value: number) => formatValue(indicator, value);
}

/** "2023/24" for FY2023; the key itself when it is not a period key. */
export const periodLabel = (key: string | null): string => (key === null ? '' : (tryPeriodFromKey(key)?.label ?? key));

/** "58.4% in 2023/24 (expected 59.1%)", or why there is no figure. */
export function latestInWords(assessment: TargetAssessment | null, format: ValueFormat): string {
  if (!assessment || assessment.actual === null || assessment.period === null) return 'No figure yet';
  const expected = assessment.expected ? ` (expected ${targetValueInWords(assessment.expected, format)})` : '';
  return `${format(assessment.actual)} in ${periodLabel(assessment.period)}${expected}`;
}

/**
 * The direction of the latest figures: the line through them (the forecast's line) against the latest
 * figure, in the target's terms. Without a line (fewer than two figures, or the target date passed) it
 * is not known.
 */
export function trendWord(target: Target, assessment: TargetAssessment | null, forecast: Forecast | null): TrendWord {
  if (!forecast || forecast.method !== 'linear_trend' || forecast.value === null) return 'Not enough figures';
  const latest = assessment?.actual;
  if (latest === null || latest === undefined) return 'Not enough figures';
  const change = forecast.value - latest;
  if (Math.abs(change) <= 1e-9 * Math.max(1, Math.abs(latest))) return 'No change';
  if (target.direction === 'higher') return change > 0 ? 'Improving' : 'Getting worse';
  if (target.direction === 'lower') return change < 0 ? 'Improving' : 'Getting worse';
  const value = target.target.value;
  if (value === null) return 'No change';
  const [low, high] = 'value' in value ? [value.value, value.value] : [value.low, value.high];
  const middle = (low + high) / 2;
  return Math.abs(forecast.value - middle) < Math.abs(latest - middle) ? 'Improving' : 'Getting worse';
}

/** Where a target's published figures are: the area's series over time, or the indicator's page for a gap. */
export function figuresHref(target: Pick<Target, 'indicatorCode' | 'areaCode' | 'measure'>): string {
  return target.measure === 'level'
    ? planUrls.trend(target.indicatorCode, target.areaCode)
    : planUrls.indicator(target.indicatorCode, { area: target.areaCode });
}

/** "5% of the expected value", or a difference in the indicator's units: "2.0 percentage points", "1.5 days". */
export function toleranceInWords(
  rule: Pick<StatusRule, 'tolerance' | 'toleranceKind'>,
  indicator: IndicatorDefinition | null | undefined,
): string {
  return rule.toleranceKind === 'percent'
    ? `${rule.tolerance.toLocaleString('en-GB', { maximumFractionDigits: 4 })}% of the expected value`
    : formatOf(indicator, 'gap')(rule.tolerance);
}
