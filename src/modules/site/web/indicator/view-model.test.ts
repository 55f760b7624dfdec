import { describe, expect, it } from 'vitest';
import type { AllAreasRow } from '../../../analysis/index.ts';
import { chosenType } from './load.ts';
import { calculation, ownershipOf, rankedRowView } from './view-model.ts';

const def = { unit: 'percentage', unitMultiplier: null, decimalPlaces: 1 };

function row(overrides: Partial<AllAreasRow> = {}): AllAreasRow {
  return {
    figure: {
      areaCode: 'E08000009',
      value: 58.4,
      source: 'published',
      status: 'final',
      numerator: null,
      denominator: null,
      ciLower: null,
      ciUpper: null,
      coverage: null,
      reason: null,
    },
    rank: 2,
    rankLabel: '2',
    quartile: 1,
    madsFromMedian: 1.2,
    areaName: 'Trafford',
    distance: { band: 'better', words: 'better than the median of all metropolitan districts' },
    ...overrides,
  };
}

describe('the indicator view', () => {
  it('shows a ranked area at the indicator’s decimal places, with its quartile and distance in words', () => {
    expect(rankedRowView(def, row(), true)).toEqual({
      rank: '2',
      name: 'Trafford',
      href: '/areas/E08000009',
      value: '58.4%',
      quartile: '1st quartile (best quarter)',
      distance: 'Better than the median of all metropolitan districts',
      notes: [],
    });
  });

  it('says how the figure is calculated from its numerator and denominator', () => {
    expect(calculation({ numeratorDefinition: 'Tonnes recycled', denominatorDefinition: 'Tonnes collected' })).toBe(
      'Tonnes recycled, divided by tonnes collected.',
    );
    expect(calculation({ numeratorDefinition: null, denominatorDefinition: null })).toBeNull();
  });

  it('says whose local indicator it is, and nothing of a national one', () => {
    expect(ownershipOf('Trafford Council')).toBe('A local indicator of Trafford Council');
    expect(ownershipOf(undefined)).toBeUndefined();
  });

  it('chooses an area type the indicator is published for', () => {
    expect(chosenType({ areaTypes: ['unitary', 'district'] }, 'district')).toBe('district');
    expect(chosenType({ areaTypes: ['unitary', 'district'] }, 'ward')).toBe('unitary');
  });
});
