import { describe, expect, it } from 'vitest';
import type { IndicatorDefinition } from '../../../indicators/index.ts';
import type { Forecast, Target, TargetAssessment } from '../../index.ts';
import { formatOf, latestInWords, toleranceInWords, trendWord } from './figures.ts';

const percentage = { unit: 'percentage', unitMultiplier: null, decimalPlaces: 1 } as IndicatorDefinition;
const days = { unit: 'days', unitMultiplier: null, decimalPlaces: 0 } as IndicatorDefinition;

const target = (direction: Target['direction'], value: Target['target']['value'] = { value: 60 }) =>
  ({ direction, target: { period: 'FY2025', value } }) as Target;
const assessed = (actual: number | null) => ({ actual, period: 'FY2023', expected: { value: 58 } }) as TargetAssessment;
const line = (value: number | null): Forecast => ({
  method: value === null ? 'none' : 'linear_trend',
  explanation: '',
  period: 'FY2025',
  value,
  low: null,
  high: null,
  pointsUsed: value === null ? 0 : 3,
  uncertain: true,
  meetsTarget: null,
});

describe('the trend of a target’s latest figures', () => {
  it.each([
    ['higher is better, rising', target('higher'), 57, 59, 'Improving'],
    ['higher is better, falling', target('higher'), 57, 55, 'Getting worse'],
    ['lower is better, falling', target('lower'), 12, 10, 'Improving'],
    ['lower is better, rising', target('lower'), 12, 13, 'Getting worse'],
    ['flat', target('higher'), 57, 57, 'No change'],
    ['a range, moving to its middle', target('range', { low: 85, high: 95 }), 80, 84, 'Improving'],
    ['a range, moving away from it', target('range', { low: 85, high: 95 }), 96, 99, 'Getting worse'],
    ['no line through the figures', target('higher'), 57, null, 'Not enough figures'],
    ['no figure judged', target('higher'), null, 59, 'Not enough figures'],
  ] as const)('%s', (_name, t, actual, forecast, word) => {
    expect(trendWord(t, assessed(actual), line(forecast))).toBe(word);
  });
});

describe('how figures read', () => {
  it('reads a gap in a percentage in percentage points, other units as the indicator says', () => {
    expect(formatOf(percentage)(58.41)).toBe('58.4%');
    expect(formatOf(percentage, 'gap')(6)).toBe('6.0 percentage points');
    expect(formatOf(days, 'gap')(3)).toBe('3 days');
    expect(formatOf(undefined)(1.23456)).toBe('1.2346');
  });

  it('says the latest figure with what was expected, or that there is none', () => {
    expect(latestInWords(assessed(57), formatOf(percentage))).toBe('57.0% in 2023/24 (expected 58.0%)');
    expect(latestInWords(null, formatOf(percentage))).toBe('No figure yet');
    expect(latestInWords(assessed(null), formatOf(percentage))).toBe('No figure yet');
  });

  it('says a tolerance in the indicator’s units or as a share of the expected value', () => {
    expect(toleranceInWords({ tolerance: 2, toleranceKind: 'absolute' }, percentage)).toBe('2.0 percentage points');
    expect(toleranceInWords({ tolerance: 5, toleranceKind: 'percent' }, percentage)).toBe('5% of the expected value');
    expect(toleranceInWords({ tolerance: 0.25, toleranceKind: 'absolute' }, undefined)).toBe('0.25');
  });
});
