/**
 * Combining the figures of parts (wards, LSOAs, districts) into one figure for the whole, by the
 * indicator's areaAggregation rule. A ratio is always recomputed from summed numerators and
 * denominators, never an average of the parts' rates.
 */
import type { AreaAggregation } from '../indicators/index.ts';

export interface AggregationPart {
  /** used only to name parts in a reason */
  code?: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  population: number | null;
}

export type AggregationResult =
  | {
      ok: true;
      value: number;
      /** Σ numerators and Σ denominators (ratio only) */
      numerator: number | null;
      denominator: number | null;
      /** value = numerator ÷ denominator × scale (ratio only) */
      scale: number | null;
      partsUsed: number;
    }
  | { ok: false; reason: string };

export interface AggregationOptions {
  /**
   * The scale the indicator's definition implies (percentage 100, rate per N → N), used when no
   * part carries value, numerator and denominator together to show the scale itself.
   */
  unitScale?: number | null;
}

/** Scales tried when working out how a part's value relates to numerator ÷ denominator. */
export const RATIO_SCALES = [1, 100, 1000, 10_000, 100_000] as const;

const fail = (reason: string): AggregationResult => ({ ok: false, reason });

export function aggregate(
  rule: AreaAggregation,
  parts: readonly AggregationPart[],
  options: AggregationOptions = {},
): AggregationResult {
  switch (rule) {
    case 'sum':
      return aggregateSum(parts);
    case 'ratio':
      return aggregateRatio(parts, options.unitScale ?? null);
    case 'population_weighted_mean':
      return aggregatePopulationWeighted(parts);
    case 'none':
      return fail("the indicator's definition says its figures cannot be combined across areas (area aggregation 'none')");
  }
}

function withValues(parts: readonly AggregationPart[]): (AggregationPart & { value: number })[] {
  return parts.filter((p): p is AggregationPart & { value: number } => p.value !== null && Number.isFinite(p.value));
}

function aggregateSum(parts: readonly AggregationPart[]): AggregationResult {
  const used = withValues(parts);
  if (used.length === 0) return fail('no part has a figure');
  const value = used.reduce((s, p) => s + p.value, 0);
  return { ok: true, value, numerator: null, denominator: null, scale: null, partsUsed: used.length };
}

function aggregatePopulationWeighted(parts: readonly AggregationPart[]): AggregationResult {
  const used = withValues(parts);
  if (used.length === 0) return fail('no part has a figure');
  const lacking = used.filter((p) => p.population === null || p.population < 0);
  if (lacking.length > 0) {
    return fail(`a population-weighted mean needs every part's population; ${describeParts(lacking, used.length)} have none`);
  }
  const totalPopulation = used.reduce((s, p) => s + (p.population ?? 0), 0);
  if (totalPopulation === 0) return fail("the parts' populations add up to zero");
  const value = used.reduce((s, p) => s + p.value * (p.population ?? 0), 0) / totalPopulation;
  return { ok: true, value, numerator: null, denominator: null, scale: null, partsUsed: used.length };
}

function aggregateRatio(parts: readonly AggregationPart[], unitScale: number | null): AggregationResult {
  const used = parts.filter((p) => p.value !== null || (p.numerator !== null && p.denominator !== null));
  if (used.length === 0) return fail('no part has a figure');
  const lacking = used.filter((p) => p.numerator === null || p.denominator === null);
  if (lacking.length > 0) {
    return fail(
      `a ratio is recomputed as Σ numerators ÷ Σ denominators, but ${describeParts(lacking, used.length)} ` +
        'have a value without a numerator and denominator (averaging the parts\u2019 rates would give a wrong figure)',
    );
  }
  const scale = inferRatioScale(used);
  if (scale === 'inconsistent') {
    return fail(
      "the parts' values are not numerator ÷ denominator at one common scale (perhaps they are adjusted, " +
        'e.g. age-standardised), so summing numerators and denominators would not reproduce them',
    );
  }
  const numerator = used.reduce((s, p) => s + (p.numerator ?? 0), 0);
  const denominator = used.reduce((s, p) => s + (p.denominator ?? 0), 0);
  if (denominator === 0) return fail("the parts' denominators add up to zero");
  const k = scale ?? unitScale ?? 1;
  return { ok: true, value: (numerator / denominator) * k, numerator, denominator, scale: k, partsUsed: used.length };
}

/**
 * The k in value ≈ numerator ÷ denominator × k shared by every part that shows it, or null when no
 * part shows it (no value, or a zero numerator/denominator). A value matches when within 1% or half a
 * unit of its last written decimal place, so published rounding is tolerated.
 */
export function inferRatioScale(parts: readonly AggregationPart[]): number | null | 'inconsistent' {
  let candidates: number[] = [...RATIO_SCALES];
  let informative = 0;
  for (const p of parts) {
    if (p.value === null || p.numerator === null || p.denominator === null || p.denominator === 0) continue;
    const r = p.numerator / p.denominator;
    if (r === 0) continue;
    informative++;
    const value = p.value;
    candidates = candidates.filter((k) => Math.abs(value - r * k) <= Math.max(0.01 * Math.abs(r * k), halfLastPlace(value)));
    if (candidates.length === 0) return 'inconsistent';
  }
  return informative === 0 ? null : (candidates[0] ?? null);
}

/** Half a unit of the last decimal place the number is written with (0.05 for 12.3). */
export function halfLastPlace(value: number): number {
  const text = String(Math.abs(value));
  if (text.includes('e')) return 0;
  const dot = text.indexOf('.');
  const places = dot === -1 ? 0 : Math.min(text.length - dot - 1, 12);
  return 0.5 * 10 ** -places;
}

function describeParts(lacking: readonly AggregationPart[], total: number): string {
  const named = lacking.map((p) => p.code).filter((c): c is string => Boolean(c));
  const list = named.length > 0 ? ` (${named.slice(0, 5).join(', ')}${named.length > 5 ? ', …' : ''})` : '';
  return `${lacking.length} of ${total} parts${list}`;
}

/** The scale an indicator's unit implies: percentage 100, rate per N → N; otherwise 1. */
export function unitScaleOf(def: { unit: string; unitMultiplier: number | null }): number {
  if (def.unit === 'percentage') return 100;
  if (def.unit === 'rate' && def.unitMultiplier) return def.unitMultiplier;
  return 1;
}
