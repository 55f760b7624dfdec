/** Test data for the indicator catalogue. */
import type { IndicatorDefinition, IndicatorInput } from '../../src/modules/indicators/index.ts';

/** A valid recycling-rate style definition; override any field. */
export function indicatorInput(overrides: Partial<IndicatorInput> = {}): IndicatorInput {
  return {
    code: 'TEST1',
    title: 'Household waste recycled',
    description: 'The share of household waste sent for reuse, recycling or composting.',
    rationale: 'Less waste to landfill costs less and harms the environment less.',
    numeratorDefinition: 'Tonnes of household waste reused, recycled or composted',
    denominatorDefinition: 'Tonnes of household waste collected',
    unit: 'percentage',
    unitMultiplier: null,
    decimalPlaces: 1,
    polarity: 'higher_is_better',
    targetRange: null,
    areaAggregation: 'ratio',
    timeAggregation: 'ratio',
    frequency: 'annual',
    periodType: 'financial_year',
    areaTypes: ['unitary', 'district'],
    theme: 'environment',
    source: 'Test source',
    ownerBodyId: null,
    collectionMethod: 'administrative',
    comparabilityNote: null,
    aliases: [],
    ...overrides,
  };
}

/** A full definition (as read back), for pure code such as formatValue. */
export function indicatorDefinition(overrides: Partial<IndicatorDefinition> = {}): IndicatorDefinition {
  return { ...indicatorInput(), version: 1, createdAt: '2024-01-01T00:00:00.000Z', ...overrides };
}
