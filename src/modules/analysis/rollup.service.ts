/**
 * Roll-up of one indicator and period over the area hierarchy: a published figure wins; otherwise
 * the figure is derived from the area's parts with data by the indicator's rule, stating its
 * coverage ("18 of 21 wards"), or the reason it cannot be.
 */
import { getIndicator, type IndicatorDefinition } from '../indicators/index.ts';
import { parsePeriod, periodFromKey } from '../periods/index.ts';
import { AREA_TYPES, getAreas, listAreaCodesByType, type AreaType } from '../places/index.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { FINEST_FIRST, PART_LEVELS } from './area-types.ts';
import type { Executor } from './executor.ts';
import { summariseIndicator, type IndicatorSummary } from './indicator-summary.ts';
import type { AreaFigure } from './figures.ts';
import { figuresFor, figuresForMany, loadAllFigures, type PeriodFigures } from './period-figures.service.ts';

export interface RollUpQuery {
  indicator: string;
  /** a period key (FY2022) or any spelling the periods module reads */
  period: string;
  /**
   * an area type (every current area of it) or area codes; by default every current area of the
   * types coarser than the level of the finest type with data
   */
  to?: AreaType | readonly string[];
}

export interface RollUp {
  indicator: IndicatorSummary;
  period: string;
  figures: AreaFigure[];
}

export async function requireIndicator(db: Executor, code: string): Promise<IndicatorDefinition> {
  const def = await getIndicator(db, code);
  if (!def) throw new NotFoundError(`No indicator has the code ${code}`);
  return def;
}

export function requirePeriodKey(text: string): string {
  try {
    return periodFromKey(text).key;
  } catch {
    const parsed = parsePeriod(text);
    if (!parsed.ok)
      throw new ValidationError(`${text} is not a period`, [{ field: 'period', value: text, reason: parsed.reason }]);
    return parsed.period.key;
  }
}

export async function rollUp(db: Executor, q: RollUpQuery): Promise<RollUp> {
  const def = await requireIndicator(db, q.indicator);
  const period = requirePeriodKey(q.period);
  if (q.to === undefined) {
    // Which areas are "above" the figures depends on the figures: read them all.
    const ctx = await loadAllFigures(db, def, period);
    const targets = await listAreaCodesByType(db, defaultTargetTypes(ctx));
    const figures = await figuresFor(db, ctx, targets);
    return { indicator: summariseIndicator(def), period, figures: targets.map((c) => figures.get(c)!) };
  }
  const targets = typeof q.to === 'string' ? await listAreaCodesByType(db, [areaType(q.to)]) : await existingCodes(db, q.to);
  const figures = await figuresForMany(db, def, period, targets);
  return { indicator: summariseIndicator(def), period, figures: targets.map((c) => figures.get(c)!) };
}

function areaType(text: string): AreaType {
  if ((AREA_TYPES as readonly string[]).includes(text)) return text as AreaType;
  throw new ValidationError(`${text} is not an area type`, [
    { field: 'to', value: text, reason: `expected one of ${AREA_TYPES.join(', ')}` },
  ]);
}

function defaultTargetTypes(ctx: PeriodFigures): AreaType[] {
  const withData = ctx.typesWithData;
  const finest = FINEST_FIRST.findIndex((t) => withData.has(t));
  if (finest === -1) return [];
  // Not the finest type's own level either (metropolitan districts beside districts are not "above" them).
  const level = PART_LEVELS.find((l) => l.types.includes(FINEST_FIRST[finest]!));
  return FINEST_FIRST.slice(finest + 1).filter((t) => !level?.types.includes(t));
}

async function existingCodes(db: Executor, codes: readonly string[]): Promise<string[]> {
  const unique = [...new Set(codes)];
  const found = await getAreas(db, unique);
  const unknown = unique.filter((c) => !found.has(c));
  if (unknown.length > 0)
    throw new NotFoundError(
      'Some codes are not areas',
      unknown.map((c) => ({ field: 'to', value: c, reason: 'no area has this code' })),
    );
  return unique;
}
