import type { IndicatorDefinition } from '../indicators/index.ts';

/** What a result says about its indicator: enough to show and format its values. */
export type IndicatorSummary = Pick<
  IndicatorDefinition,
  'code' | 'title' | 'unit' | 'unitMultiplier' | 'decimalPlaces' | 'polarity' | 'targetRange'
>;

export function summariseIndicator(def: IndicatorDefinition): IndicatorSummary {
  const { code, title, unit, unitMultiplier, decimalPlaces, polarity, targetRange } = def;
  return { code, title, unit, unitMultiplier, decimalPlaces, polarity, targetRange };
}
