import { describe, expect, it } from 'vitest';
import { indicatorDefinition } from '../../../test/support/indicator-factories.ts';
import { formatDifference, formatValue } from './format.ts';

describe('formatValue', () => {
  it.each([
    ['percentage', null, 1, 56.89999999999999, '56.9%'],
    ['percentage', null, 1, 0, '0.0%'],
    ['percentage', null, 0, 49.5, '50%'],
    ['percentage', null, 2, 1.005, '1.01%'],
    ['money', null, 0, 1234.4, '£1,234'],
    ['money', null, 2, -1234.5, '-£1,234.50'],
    ['rate', 1000, 1, 12.34, '12.3 per 1,000'],
    ['rate', 100000, 0, 7, '7 per 100,000'],
    ['days', null, 0, 4, '4 days'],
    ['days', null, 0, 1, '1 day'],
    ['days', null, 1, 1, '1.0 days'],
    ['count', null, 0, 12345, '12,345'],
    ['score', null, 1, 7.6, '7.6'],
    ['ratio', null, 2, 0.5, '0.50'],
    ['other', null, 0, -0.4, '0'],
    ['percentage', null, 1, null, 'no data'],
    ['count', null, 0, Number.NaN, 'no data'],
  ] as const)('%s (per %s) at %s dp: %s → %s', (unit, unitMultiplier, decimalPlaces, value, expected) => {
    expect(formatValue(indicatorDefinition({ unit, unitMultiplier, decimalPlaces }), value)).toBe(expected);
  });
});

describe('formatDifference', () => {
  it.each([
    ['percentage', 1, 1.25, '1.3 percentage points'],
    ['percentage', 0, 1, '1 percentage point'],
    ['percentage', 0, -1, '-1 percentage point'],
    ['percentage', 1, -0.5, '-0.5 percentage points'],
    ['days', 0, 3, '3 days'],
    ['score', 1, 0.4, '0.4'],
    ['percentage', 1, null, 'no data'],
  ] as const)('%s at %s dp: %s → %s', (unit, decimalPlaces, value, expected) => {
    expect(formatDifference(indicatorDefinition({ unit, unitMultiplier: null, decimalPlaces }), value)).toBe(expected);
  });
});
