import { describe, expect, it } from 'vitest';
import { aggregate, halfLastPlace, inferRatioScale, unitScaleOf, type AggregationPart } from './aggregate.ts';

const part = (
  value: number | null,
  numerator: number | null = null,
  denominator: number | null = null,
  population: number | null = null,
  code?: string,
): AggregationPart => ({
  value,
  numerator,
  denominator,
  population,
  ...(code ? { code } : {}),
});

describe('aggregate', () => {
  it.each([
    ['sum adds values', 'sum', [part(10), part(20), part(5)], 35],
    ['sum ignores parts without a figure', 'sum', [part(10), part(null)], 10],
    // 1/10 = 10% and 30/100 = 30%: mean of rates 20%, the true rate 31/110 = 28.18…%
    ['ratio is Σnum ÷ Σden, not the mean of rates', 'ratio', [part(10, 1, 10), part(30, 30, 100)], (31 / 110) * 100],
    ['ratio at scale 1 (a proportion)', 'ratio', [part(0.1, 1, 10), part(0.3, 30, 100)], 31 / 110],
    ['ratio per 1,000', 'ratio', [part(5, 5, 1000), part(20, 40, 2000)], (45 / 3000) * 1000],
    ['ratio per 100,000', 'ratio', [part(250, 5, 2000), part(100, 3, 3000)], (8 / 5000) * 100_000],
    ['ratio tolerates published rounding', 'ratio', [part(33.3, 1, 3), part(66.7, 2, 3)], 50],
    ['ratio from parts with numerator/denominator but no value', 'ratio', [part(null, 1, 4), part(50, 1, 2)], (2 / 6) * 100],
    ['population-weighted mean', 'population_weighted_mean', [part(10, null, null, 100), part(20, null, null, 300)], 17.5],
  ] as const)('%s', (_name, rule, parts, expected) => {
    const r = aggregate(rule, parts);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toBeCloseTo(expected, 9);
  });

  it.each([
    ['rule none', 'none', [part(1)], /cannot be combined/],
    ['no parts', 'sum', [], /no part has a figure/],
    [
      'ratio with a part lacking its denominator',
      'ratio',
      [part(10, 1, 10), part(20, null, null, null, 'E05000002')],
      /1 of 2 parts \(E05000002\).*averaging/,
    ],
    ['ratio of adjusted rates', 'ratio', [part(10, 1, 10), part(55, 30, 100)], /not numerator ÷ denominator/],
    ['ratio with zero denominators', 'ratio', [part(null, 0, 0)], /denominators add up to zero/],
    [
      'weighted mean without populations',
      'population_weighted_mean',
      [part(10, null, null, 100), part(20)],
      /needs every part's population/,
    ],
  ] as const)('underivable: %s', (_name, rule, parts, reason) => {
    const r = aggregate(rule, parts);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('uses the unit scale when no part shows its own', () => {
    const r = aggregate('ratio', [part(null, 1, 4), part(null, 1, 4)], { unitScale: 100 });
    expect(r).toMatchObject({ ok: true, value: 25, numerator: 2, denominator: 8, scale: 100 });
  });

  it("prefers the parts' own scale to the unit's", () => {
    const r = aggregate('ratio', [part(0.25, 1, 4)], { unitScale: 100 });
    expect(r).toMatchObject({ ok: true, value: 0.25, scale: 1 });
  });
});

describe('inferRatioScale', () => {
  it.each([
    [[part(50, 1, 2)], 100],
    [[part(0.5, 1, 2)], 1],
    [[part(0, 0, 2)], null],
    [[part(null, 1, 2)], null],
    [[part(50, 1, 2), part(0.5, 1, 2)], 'inconsistent'],
  ] as const)('%j → %s', (parts, expected) => {
    expect(inferRatioScale(parts)).toBe(expected);
  });
});

describe('halfLastPlace', () => {
  it.each([
    [12, 0.5],
    [12.3, 0.05],
    [0.125, 0.0005],
  ])('%s → %s', (v, expected) => {
    expect(halfLastPlace(v)).toBeCloseTo(expected, 12);
  });
});

describe('unitScaleOf', () => {
  it.each([
    [{ unit: 'percentage', unitMultiplier: null }, 100],
    [{ unit: 'rate', unitMultiplier: 1000 }, 1000],
    [{ unit: 'rate', unitMultiplier: null }, 1],
    [{ unit: 'count', unitMultiplier: null }, 1],
  ])('%j → %s', (def, expected) => {
    expect(unitScaleOf(def)).toBe(expected);
  });
});
