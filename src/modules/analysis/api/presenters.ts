/** The only way from analysis results to JSON. */
import { z } from 'zod';
import { formatValue } from '../../indicators/index.ts';
import type { Period } from '../../periods/index.ts';
import type { AllAreasComparison } from '../compare-all.service.ts';
import type { Comparison, ComparisonRow } from '../compare.service.ts';
import type { StoredComparatorGroup } from '../comparator-group.types.ts';
import type { DirectionOfTravel } from '../direction.ts';
import type { AreaFigure } from '../figures.ts';
import type { IndicatorSummary } from '../indicator-summary.ts';
import type { RollUp } from '../rollup.service.ts';

export const indicatorSummarySchema = z.object({
  code: z.string(),
  title: z.string(),
  unit: z.string(),
  unitMultiplier: z.number().nullable(),
  decimalPlaces: z.number().int(),
  polarity: z.string(),
  targetRange: z.object({ low: z.number(), high: z.number() }).nullable(),
});
export const periodSchema = z.object({
  key: z.string(),
  type: z.string(),
  label: z.string(),
  start: z.string(),
  end: z.string(),
});
export const figureSchema = z.object({
  areaCode: z.string(),
  areaName: z.string().nullable(),
  value: z.number().nullable(),
  formatted: z.string(),
  source: z.enum(['published', 'derived', 'none']),
  status: z.string().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  ciLower: z.number().nullable(),
  ciUpper: z.number().nullable(),
  coverage: z
    .object({ partTypes: z.array(z.string()), withData: z.number().int(), expected: z.number().int(), text: z.string() })
    .nullable(),
  reason: z.string().nullable(),
});
const directionSchema = z
  .object({ direction: z.string(), change: z.number(), significant: z.boolean().nullable(), words: z.string() })
  .nullable();
const summarySchema = z.object({
  count: z.number().int(),
  median: z.number().nullable(),
  mad: z.number().nullable(),
  quartiles: z.object({ q1: z.number(), q2: z.number(), q3: z.number() }).nullable(),
});
const rankedSchema = figureSchema.extend({
  rank: z.number().int().nullable(),
  rankLabel: z.string().nullable(),
  quartile: z.number().int().nullable(),
  madsFromMedian: z.number().nullable(),
});
export const rollUpSchema = z.object({ indicator: indicatorSummarySchema, period: z.string(), figures: z.array(figureSchema) });
const comparisonRowSchema = rankedSchema.extend({
  highlighted: z.boolean(),
  previousValue: z.number().nullable(),
  direction: directionSchema,
});
const distanceSchema = z.object({ band: z.string(), words: z.string() });
export const comparisonSchema = z.object({
  indicator: indicatorSummarySchema,
  period: periodSchema,
  previousPeriod: periodSchema.nullable(),
  group: z.object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    anchorAreaCode: z.string().nullable(),
    size: z.number().int(),
  }),
  judged: z.boolean(),
  summary: summarySchema,
  area: comparisonRowSchema,
  distance: distanceSchema,
  england: figureSchema.nullable(),
  region: figureSchema.nullable(),
  rows: z.array(comparisonRowSchema),
});
export const allAreasSchema = z.object({
  indicator: indicatorSummarySchema,
  period: periodSchema,
  areaType: z.string(),
  judged: z.boolean(),
  summary: summarySchema,
  rows: z.array(rankedSchema.extend({ distance: distanceSchema })),
});
export const comparatorGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  anchorAreaCode: z.string().nullable(),
  source: z.string(),
  importedAt: z.string(),
  memberCodes: z.array(z.string()),
});

type Formattable = Pick<IndicatorSummary, 'unit' | 'unitMultiplier' | 'decimalPlaces'>;

export function presentPeriod(p: Period): z.infer<typeof periodSchema> {
  return { key: p.key, type: p.type, label: p.label, start: p.start, end: p.end };
}

export function presentFigure(def: Formattable, f: AreaFigure, areaName: string | null = null): z.infer<typeof figureSchema> {
  return {
    areaCode: f.areaCode,
    areaName,
    value: f.value,
    formatted: f.status === 'suppressed' ? 'suppressed' : formatValue(def, f.value),
    source: f.source,
    status: f.status,
    numerator: f.numerator,
    denominator: f.denominator,
    ciLower: f.ciLower,
    ciUpper: f.ciUpper,
    coverage: f.coverage ? { ...f.coverage, partTypes: [...f.coverage.partTypes] } : null,
    reason: f.reason,
  };
}

function presentDirection(d: DirectionOfTravel | null): z.infer<typeof directionSchema> {
  return d ? { direction: d.direction, change: d.change, significant: d.significant, words: d.words } : null;
}

export function presentRollUp(r: RollUp): z.infer<typeof rollUpSchema> {
  return { indicator: r.indicator, period: r.period, figures: r.figures.map((f) => presentFigure(r.indicator, f)) };
}

function presentRow(def: Formattable, r: ComparisonRow): z.infer<typeof comparisonRowSchema> {
  return {
    ...presentFigure(def, r.figure, r.areaName),
    rank: r.rank,
    rankLabel: r.rankLabel,
    quartile: r.quartile,
    madsFromMedian: r.madsFromMedian,
    highlighted: r.highlighted,
    previousValue: r.previous?.value ?? null,
    direction: presentDirection(r.direction),
  };
}

export function presentComparison(c: Comparison): z.infer<typeof comparisonSchema> {
  const { id, name, kind, anchorAreaCode, memberCodes } = c.group;
  return {
    indicator: c.indicator,
    period: presentPeriod(c.period),
    previousPeriod: c.previousPeriod ? presentPeriod(c.previousPeriod) : null,
    group: { id, name, kind, anchorAreaCode, size: memberCodes.length },
    judged: c.judged,
    summary: c.summary,
    area: presentRow(c.indicator, c.area),
    distance: c.distance,
    england: c.england ? presentFigure(c.indicator, c.england, c.england.areaName) : null,
    region: c.region ? presentFigure(c.indicator, c.region, c.region.areaName) : null,
    rows: c.rows.map((r) => presentRow(c.indicator, r)),
  };
}

export function presentAllAreas(c: AllAreasComparison): z.infer<typeof allAreasSchema> {
  return {
    indicator: c.indicator,
    period: presentPeriod(c.period),
    areaType: c.areaType,
    judged: c.judged,
    summary: c.summary,
    rows: c.rows.map((r) => ({
      ...presentFigure(c.indicator, r.figure, r.areaName),
      rank: r.rank,
      rankLabel: r.rankLabel,
      quartile: r.quartile,
      madsFromMedian: r.madsFromMedian,
      distance: r.distance,
    })),
  };
}

export function presentComparatorGroup(g: StoredComparatorGroup): z.infer<typeof comparatorGroupSchema> {
  return {
    id: g.id,
    name: g.name,
    kind: g.kind,
    anchorAreaCode: g.anchorAreaCode,
    source: g.source,
    importedAt: g.importedAt,
    memberCodes: [...g.memberCodes],
  };
}
