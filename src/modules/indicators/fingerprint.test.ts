import { describe, expect, it } from 'vitest';
import { indicatorInput } from '../../../test/support/indicator-factories.ts';
import { changedDefinitionalFields, changedFields, fingerprintDefinition } from './fingerprint.ts';
import type { IndicatorInput } from './indicator.types.ts';

describe('fingerprintDefinition', () => {
  const base = indicatorInput();

  it('is stable and ignores the code and the aliases', () => {
    const same = indicatorInput({ code: 'OTHER', aliases: [{ scheme: 'NI', alias: '192' }] });
    expect(fingerprintDefinition(same)).toBe(fingerprintDefinition(base));
    expect(fingerprintDefinition(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on the order keys were written in', () => {
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as IndicatorInput;
    expect(fingerprintDefinition(reordered)).toBe(fingerprintDefinition(base));
  });

  it.each<[string, Partial<IndicatorInput>, string[], string[]]>([
    ['title', { title: 'Recycling' }, ['title'], []],
    ['description', { description: 'New words' }, ['description'], []],
    ['theme', { theme: 'waste' }, ['theme'], []],
    ['decimal places', { decimalPlaces: 2 }, ['decimalPlaces'], []],
    ['unit', { unit: 'ratio' }, ['unit'], ['unit']],
    ['polarity', { polarity: 'lower_is_better' }, ['polarity'], ['polarity']],
    ['numerator', { numeratorDefinition: 'Tonnes recycled' }, ['numeratorDefinition'], ['numeratorDefinition']],
    ['period type', { periodType: 'calendar_year' }, ['periodType'], ['periodType']],
    ['area aggregation', { areaAggregation: 'none' }, ['areaAggregation'], ['areaAggregation']],
    ['multiplier', { unitMultiplier: 1000 }, ['unitMultiplier'], ['unitMultiplier']],
    ['survey', { collectionMethod: 'survey' }, ['collectionMethod'], ['collectionMethod']],
  ])('a change of %s', (_name, change, changed, definitional) => {
    const after = indicatorInput(change);
    expect(fingerprintDefinition(after)).not.toBe(fingerprintDefinition(base));
    expect(changedFields(base, after)).toEqual(changed);
    expect(changedDefinitionalFields(base, after)).toEqual(definitional);
  });
});
