/**
 * The published figures a target is judged by: the indicator's figures for the target's area (a level
 * target), or the deprivation gap within the area between its most and least deprived parts (a floor
 * target on a gap, from analysis' `gapFor`), as the size of the gap whichever part is ahead.
 */
import type { Executor } from '../../platform/db/executor.ts';
import { DomainError } from '../../platform/errors.ts';
import { gapFor } from '../analysis/index.ts';
import { getSeries } from '../data/index.ts';
import { formatDifference, formatValue, type IndicatorDefinition } from '../indicators/index.ts';
import { periodFromKey, type Period } from '../periods/index.ts';
import type { Target } from './plans.types.ts';
import type { ValueFormat } from './rules/index.ts';

export interface MeasuredFigure {
  period: Period;
  /** null: a gap in the series (suppressed, not available, or no gap could be measured) */
  value: number | null;
}

export interface TargetMeasurement {
  /** oldest first, one figure per period */
  figures: MeasuredFigure[];
  /** why there are no figures when the measure cannot be taken (a gap with no parts recorded) */
  unavailable: string | null;
}

export async function measureTarget(
  db: Executor,
  target: Pick<Target, 'indicatorCode' | 'areaCode' | 'measure' | 'gapPartType'>,
): Promise<TargetMeasurement> {
  if (target.measure === 'level') {
    const series = await getSeries(db, target.indicatorCode, target.areaCode);
    return { figures: series.map((o) => ({ period: periodFromKey(o.period), value: o.value })), unavailable: null };
  }
  try {
    const gap = await gapFor(db, {
      area: target.areaCode,
      indicator: target.indicatorCode,
      partType: target.gapPartType ?? 'ward',
    });
    return {
      figures: gap.periods.map((p) => ({ period: p.period, value: p.result.ok ? Math.abs(p.result.gap) : null })),
      unavailable: null,
    };
  } catch (e) {
    // No parts or no deprivation measure recorded for the area: the gap cannot be measured, which is no data.
    if (e instanceof DomainError) return { figures: [], unavailable: e.message };
    throw e;
  }
}

/**
 * How the target's figures read in sentences: the indicator's own unit and decimal places; a gap is a
 * difference between two figures, so a gap in percentages reads in percentage points.
 */
export function formatFor(def: IndicatorDefinition | undefined, measure: Target['measure'] = 'level'): ValueFormat | undefined {
  if (!def) return undefined;
  return measure === 'gap' ? differenceFormatFor(def) : (value: number) => formatValue(def, value);
}

/** How a difference between two of the target's figures reads (a shortfall, a tolerance). */
export function differenceFormatFor(def: IndicatorDefinition | undefined): ValueFormat | undefined {
  return def ? (value: number) => formatDifference(def, value) : undefined;
}
