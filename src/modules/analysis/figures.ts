/**
 * One area's figure for one indicator and period: published (it always wins), derived from the
 * area's parts by the indicator's rule (with its coverage), or none (with why). Pure.
 */
import type { Observation, ObservedFigures } from '../data/index.ts';
import type { IndicatorDefinition } from '../indicators/index.ts';
import { aggregate, unitScaleOf, type AggregationPart } from './aggregate.ts';
import { countOfLevel, type PartLevel } from './area-types.ts';

export type FigureSource = 'published' | 'derived' | 'none';

export interface Coverage {
  /** the types of the parts the figure was built from (one level: wards; or councils of a tier) */
  partTypes: readonly string[];
  /** parts with a figure */
  withData: number;
  /** parts the area has (current parts of that type) */
  expected: number;
  /** "18 of 21 wards" */
  text: string;
}

export interface AreaFigure {
  areaCode: string;
  value: number | null;
  source: FigureSource;
  /** the published status; derived figures are 'provisional' when any part used is */
  status: Observation['status'] | null;
  numerator: number | null;
  denominator: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  coverage: Coverage | null;
  /** why there is no value (suppressed, underivable, no data) */
  reason: string | null;
}

/** Does an observation carry a figure a roll-up can use? */
export function hasFigure(o: ObservedFigures): boolean {
  return o.value !== null || (o.numerator !== null && o.denominator !== null);
}

/** A published observation wins when it has a figure or was deliberately suppressed. */
export function publishedFigure(o: ObservedFigures | undefined): AreaFigure | undefined {
  if (!o) return undefined;
  if (o.status === 'suppressed')
    return {
      ...blank(o.areaCode, 'published'),
      status: 'suppressed',
      reason: 'suppressed by the publisher (not derived from parts either, to keep it so)',
    };
  if (o.value === null) return undefined;
  return {
    areaCode: o.areaCode,
    value: o.value,
    source: 'published',
    status: o.status,
    numerator: o.numerator,
    denominator: o.denominator,
    ciLower: o.ciLower,
    ciUpper: o.ciUpper,
    coverage: null,
    reason: null,
  };
}

export function coverageOf(level: PartLevel, withData: number, expected: number): Coverage {
  return { partTypes: level.types, withData, expected, text: `${withData} of ${countOfLevel(expected, level)}` };
}

export interface DerivationInput {
  def: Pick<IndicatorDefinition, 'areaAggregation' | 'unit' | 'unitMultiplier'>;
  areaCode: string;
  level: PartLevel;
  /** every current part at that level */
  expected: number;
  parts: readonly (ObservedFigures & { population: number | null })[];
}

export function derivedFigure(input: DerivationInput): AreaFigure {
  const { def, areaCode, level, expected, parts } = input;
  const coverage = coverageOf(level, parts.length, expected);
  const aggParts: AggregationPart[] = parts.map((p) => ({
    code: p.areaCode,
    value: p.value,
    numerator: p.numerator,
    denominator: p.denominator,
    population: p.population,
  }));
  const r = aggregate(def.areaAggregation, aggParts, { unitScale: unitScaleOf(def) });
  if (!r.ok) return { ...blank(areaCode, 'none'), coverage, reason: `not derived from ${coverage.text}: ${r.reason}` };
  const provisional = parts.some((p) => p.status === 'provisional');
  return {
    areaCode,
    value: r.value,
    source: 'derived',
    status: provisional ? 'provisional' : 'final',
    numerator: r.numerator,
    denominator: r.denominator,
    ciLower: null,
    ciUpper: null,
    coverage,
    reason: null,
  };
}

export function noFigure(areaCode: string, reason: string): AreaFigure {
  return { ...blank(areaCode, 'none'), reason };
}

function blank(areaCode: string, source: FigureSource): AreaFigure {
  return {
    areaCode,
    value: null,
    source,
    status: null,
    numerator: null,
    denominator: null,
    ciLower: null,
    ciUpper: null,
    coverage: null,
    reason: null,
  };
}
