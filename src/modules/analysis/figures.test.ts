import { describe, expect, it } from 'vitest';
import type { Observation } from '../data/index.ts';
import { PART_LEVELS } from './area-types.ts';
import { coverageOf, derivedFigure, hasFigure, publishedFigure } from './figures.ts';

const obs = (o: Partial<Observation>): Observation => ({
  indicatorCode: 'X',
  indicatorVersion: 1,
  areaCode: 'A',
  period: 'FY2022',
  periodLabel: '2022/23',
  periodType: 'financial_year',
  periodStart: '2022-04-01',
  periodEnd: '2023-03-31',
  value: null,
  numerator: null,
  denominator: null,
  sampleSize: null,
  ciLower: null,
  ciUpper: null,
  status: 'final',
  sourceBodyId: null,
  revision: 1,
  publishedAt: '2025-01-01T00:00:00.000Z',
  ...o,
});
const wards = PART_LEVELS.find((l) => l.plural === 'wards')!;
const councils = PART_LEVELS.find((l) => l.types.includes('county'))!;

describe('publishedFigure', () => {
  it.each([
    ['a value', obs({ value: 5 }), { source: 'published', value: 5 }],
    ['suppressed', obs({ status: 'suppressed' }), { source: 'published', value: null, status: 'suppressed' }],
    ['not available', obs({ status: 'not_available' }), undefined],
    ['nothing', undefined, undefined],
  ] as const)('%s', (_name, o, expected) => {
    const f = publishedFigure(o);
    if (expected === undefined) expect(f).toBeUndefined();
    else expect(f).toMatchObject(expected);
  });
});

describe('hasFigure', () => {
  it.each([
    [obs({ value: 1 }), true],
    [obs({ numerator: 1, denominator: 2 }), true],
    [obs({ numerator: 1 }), false],
    [obs({}), false],
  ])('%#', (o, expected) => {
    expect(hasFigure(o)).toBe(expected);
  });
});

describe('coverageOf', () => {
  it.each([
    [wards, 18, 21, '18 of 21 wards'],
    [wards, 1, 1, '1 of 1 ward'],
    [councils, 126, 152, '126 of 152 councils'],
  ] as const)('%#: %s', (level, withData, expected, text) => {
    expect(coverageOf(level, withData, expected).text).toBe(text);
  });
});

describe('derivedFigure', () => {
  const def = { areaAggregation: 'ratio' as const, unit: 'percentage', unitMultiplier: null };
  it('derives, with coverage, provisional when a part is', () => {
    const f = derivedFigure({
      def,
      areaCode: 'T',
      level: wards,
      expected: 3,
      parts: [
        { ...obs({ areaCode: 'W1', value: 10, numerator: 1, denominator: 10 }), population: null },
        { ...obs({ areaCode: 'W2', value: 30, numerator: 30, denominator: 100, status: 'provisional' }), population: null },
      ],
    });
    expect(f).toMatchObject({
      source: 'derived',
      status: 'provisional',
      numerator: 31,
      denominator: 110,
      coverage: { text: '2 of 3 wards' },
    });
  });

  it('says why when it cannot', () => {
    const f = derivedFigure({
      def: { ...def, areaAggregation: 'none' },
      areaCode: 'T',
      level: wards,
      expected: 1,
      parts: [{ ...obs({ value: 1 }), population: null }],
    });
    expect(f).toMatchObject({ source: 'none', value: null });
    expect(f.reason).toMatch(/^not derived from 1 of 1 ward: .*cannot be combined/);
  });
});
