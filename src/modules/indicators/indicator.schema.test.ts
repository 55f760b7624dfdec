import { describe, expect, it } from 'vitest';
import { indicatorInput } from '../../../test/support/indicator-factories.ts';
import { indicatorInputSchema } from './indicator.schema.ts';

function problems(overrides: Record<string, unknown>): { path: string; message: string }[] {
  const r = indicatorInputSchema.safeParse({ ...indicatorInput(), ...overrides });
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('indicatorInputSchema', () => {
  it('accepts a full definition and fills defaults for optional fields', () => {
    const { rationale: _r, comparabilityNote: _c, aliases: _a, collectionMethod: _m, ...minimal } = indicatorInput();
    const r = indicatorInputSchema.parse(minimal);
    expect(r.rationale).toBeNull();
    expect(r.comparabilityNote).toBeNull();
    expect(r.aliases).toEqual([]);
    expect(r.collectionMethod).toBe('administrative');
  });

  it('trims text, turns blank optional text into null and sorts area types', () => {
    const r = indicatorInputSchema.parse({
      ...indicatorInput(),
      title: '  Title ',
      theme: '  ',
      areaTypes: ['district', 'county', 'unitary'],
    });
    expect(r.title).toBe('Title');
    expect(r.theme).toBeNull();
    expect(r.areaTypes).toEqual(['county', 'unitary', 'district']);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['a code with a space', { code: 'NI 192' }, 'code', /letters, digits/],
    ['a code too long', { code: 'A'.repeat(65) }, 'code', /1–64/],
    ['a code the pages use (new)', { code: 'new' }, 'code', /site’s own pages/],
    ['a code the pages use (National)', { code: 'National' }, 'code', /site’s own pages/],
    ['an empty title', { title: ' ' }, 'title', /empty/],
    ['an unknown unit', { unit: 'percent' }, 'unit', /one of percentage/],
    ['a rate without a multiplier', { unit: 'rate', unitMultiplier: null }, 'unitMultiplier', /per N/],
    ['a negative multiplier', { unit: 'rate', unitMultiplier: -10 }, 'unitMultiplier', /positive/],
    ['7 decimal places', { decimalPlaces: 7 }, 'decimalPlaces', /0 to 6/],
    ['fractional decimal places', { decimalPlaces: 1.5 }, 'decimalPlaces', /whole/],
    ['an unknown polarity', { polarity: 'up' }, 'polarity', /one of higher_is_better/],
    ['target_range without a range', { polarity: 'target_range' }, 'targetRange', /needs a target range/],
    [
      'a range with low above high',
      { polarity: 'target_range', targetRange: { low: 5, high: 2 } },
      'targetRange',
      /above the high/,
    ],
    ['a range without target_range polarity', { targetRange: { low: 1, high: 2 } }, 'targetRange', /only used with/],
    ['ratio aggregation without a numerator', { numeratorDefinition: null }, 'numeratorDefinition', /numerator definition/],
    ['ratio aggregation without a denominator', { denominatorDefinition: '' }, 'denominatorDefinition', /denominator definition/],
    ['an unknown aggregation', { areaAggregation: 'average' }, 'areaAggregation', /one of sum/],
    ['an unknown frequency', { frequency: 'weekly' }, 'frequency', /one of annual/],
    ['an unknown period type', { periodType: 'fy' }, 'periodType', /one of financial_year/],
    ['no area types', { areaTypes: [] }, 'areaTypes', /at least one/],
    ['an unknown area type', { areaTypes: ['parish'] }, 'areaTypes.0', /one of country/],
    ['a repeated area type', { areaTypes: ['ward', 'ward'] }, 'areaTypes', /twice/],
    ['an unknown collection method', { collectionMethod: 'census' }, 'collectionMethod', /administrative, survey/],
    [
      'a repeated alias',
      {
        aliases: [
          { scheme: 'NI', alias: '192' },
          { scheme: 'ni', alias: '192' },
        ],
      },
      'aliases',
      /twice/,
    ],
    ['an alias scheme with a colon', { aliases: [{ scheme: 'N:I', alias: '192' }] }, 'aliases.0.scheme', /cannot contain/],
    ['an alias with a semicolon', { aliases: [{ scheme: 'NI', alias: '1;2' }] }, 'aliases.0.alias', /cannot contain/],
  ])('refuses %s', (_name, overrides, path, message) => {
    const found = problems(overrides);
    expect(found).toContainEqual({ path, message: expect.stringMatching(message) });
  });
});
