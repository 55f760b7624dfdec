import { describe, expect, it } from 'vitest';
import { compareGaps, deprivationGap, gapTrend, type GapPart } from './gap.ts';

/** parts with deprivation rank i (1 = most deprived) and the given values */
const ranked = (...vs: number[]): GapPart[] =>
  vs.map((value, i) => ({ code: `L${String(i + 1).padStart(2, '0')}`, value, deprivation: i + 1 }));

describe('deprivationGap', () => {
  it('compares the single most and least deprived parts when fewer than 10', () => {
    const r = deprivationGap(ranked(40, 30, 20, 10), { mostDeprived: 'lowest' });
    expect(r).toMatchObject({
      ok: true,
      method: 'extremes',
      gap: 30,
      mostDeprived: { codes: ['L01'] },
      leastDeprived: { codes: ['L04'] },
    });
  });

  it('compares quintiles when 10 or more parts (means of values)', () => {
    const r = deprivationGap(ranked(50, 48, 40, 40, 30, 30, 20, 20, 12, 10), { mostDeprived: 'lowest' });
    expect(r).toMatchObject({ ok: true, method: 'quintiles', partsUsed: 10, gap: 49 - 11 });
    if (r.ok) expect(r.mostDeprived.codes).toEqual(['L01', 'L02']);
  });

  it('reads "highest is most deprived" for scores', () => {
    const parts = [
      { code: 'A', value: 10, deprivation: 5 },
      { code: 'B', value: 30, deprivation: 50 },
    ];
    expect(deprivationGap(parts, { mostDeprived: 'highest' })).toMatchObject({ ok: true, gap: 20 });
  });

  it('recomputes a ratio quintile from numerators and denominators', () => {
    const parts: GapPart[] = ranked(10, 50, 1, 1, 1, 1, 1, 1, 1, 1).map((p, i) =>
      i === 0
        ? { ...p, numerator: 1, denominator: 10 }
        : i === 1
          ? { ...p, numerator: 50, denominator: 100 }
          : { ...p, numerator: 1, denominator: 100 },
    );
    const r = deprivationGap(parts, { mostDeprived: 'lowest', rule: 'ratio' });
    expect(r.ok && r.mostDeprived.value).toBeCloseTo((51 / 110) * 100, 9);
    expect(r.ok && r.mostDeprived.method).toBe('ratio');
  });

  it.each([
    [[], /0 have both/],
    [
      [
        { code: 'A', value: 1, deprivation: null },
        { code: 'B', value: 2, deprivation: 3 },
      ],
      /1 have both/,
    ],
  ])('refuses too few parts (%#)', (parts, reason) => {
    const r = deprivationGap(parts, { mostDeprived: 'lowest' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('gapTrend', () => {
  it('says whether the gap narrows, widens or stays, step by step and overall', () => {
    const t = gapTrend(
      [
        { period: 'FY2019', gap: 10 },
        { period: 'FY2020', gap: 8 },
        { period: 'FY2021', gap: null },
        { period: 'FY2022', gap: -8.2 },
        { period: 'FY2023', gap: 9 },
      ],
      0.5,
    );
    expect(t.steps.map((s) => s.change)).toEqual([null, 'narrowing', null, 'no_change', 'widening']);
    expect(t.overall).toBe('narrowing'); // |10| → |9|
  });

  it('has no overall change with fewer than two gaps', () => {
    expect(gapTrend([{ period: 'FY2019', gap: 3 }], 0.5).overall).toBeNull();
  });

  it.each([
    [10, 5, 'narrowing'],
    [5, 10, 'widening'],
    [5, 5.4, 'no_change'],
  ] as const)('%s → %s is %s', (a, b, c) => {
    expect(compareGaps(a, b, 0.5)).toBe(c);
  });
});
