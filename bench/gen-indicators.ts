/**
 * 50 synthetic indicators: ratios (percentages and rates per 1,000 with numerator and denominator),
 * counts and money (summed), scores (population-weighted) and survey results (not combinable), with a
 * mix of polarities; all financial-year, for councils, wards and LSOAs.
 */
import { Rng } from './prng.ts';

export type SynthKind = 'percent' | 'rate' | 'count' | 'money' | 'score' | 'survey';
export type SynthPolarity = 'higher_is_better' | 'lower_is_better' | 'none';

export interface SynthIndicator {
  code: string;
  index: number;
  title: string;
  kind: SynthKind;
  polarity: SynthPolarity;
  unit: 'percentage' | 'rate' | 'count' | 'money' | 'score';
  unitMultiplier: number | null;
  decimalPlaces: number;
  areaAggregation: 'ratio' | 'sum' | 'population_weighted_mean' | 'none';
  timeAggregation: 'ratio' | 'sum' | 'mean';
  /** the value's scale over numerator ÷ denominator (ratio kinds) */
  scale: number;
  /** base level: a proportion (percent), per 1,000 (rate, count), £ per head (money), points (score, survey) */
  base: number;
  /** how strongly the area's latent score moves the figure (sign: better places score higher when > 0) */
  loading: number;
  /** change per year on the link scale */
  slope: number;
  /** denominator as a share of the population (percent kinds) */
  denominatorShare: number;
  /** also write sample size and confidence interval */
  withCi: boolean;
}

const KINDS: [SynthKind, number, string[]][] = [
  [
    'percent',
    20,
    [
      'Household waste recycled',
      'Pupils achieving the expected standard',
      'Adults in employment',
      'Planning applications decided in time',
      'Residents satisfied with the area',
      'Children in low-income families',
      'Adults who smoke',
      'Homes meeting the decent standard',
      'Council tax collected',
      'Invoices paid within 30 days',
    ],
  ],
  [
    'rate',
    8,
    [
      'Recorded crime per 1,000',
      'Emergency admissions per 1,000',
      'Households in temporary accommodation per 1,000',
      'Fly-tipping incidents per 1,000',
    ],
  ],
  ['count', 8, ['Affordable homes delivered', 'Net additional dwellings', 'Library visits', 'Missed bin collections']],
  ['money', 5, ['Net spend on adult social care', 'Net spend on children’s services', 'Spend on highways']],
  ['score', 5, ['Air quality index', 'Access to green space score', 'Broadband coverage score']],
  ['survey', 4, ['Feeling safe after dark', 'Satisfaction with the council', 'Sense of belonging']],
];

export function generateIndicators(seed: number): SynthIndicator[] {
  const rng = new Rng(seed, 2);
  const out: SynthIndicator[] = [];
  let index = 0;
  for (const [kind, count, titles] of KINDS) {
    for (let i = 0; i < count; i++) {
      const polarity: SynthPolarity = i % 5 === 4 ? 'none' : i % 2 === 0 ? 'higher_is_better' : 'lower_is_better';
      const sign = polarity === 'lower_is_better' ? -1 : polarity === 'none' ? (rng.next() < 0.5 ? -1 : 1) * 0.3 : 1;
      const title = `${titles[i % titles.length]!}${i >= titles.length ? ` (${Math.floor(i / titles.length) + 1})` : ''}`;
      index++;
      out.push({
        code: `BEN${String(index).padStart(3, '0')}`,
        index,
        title,
        kind,
        polarity,
        unit: kind === 'percent' ? 'percentage' : kind === 'survey' ? 'score' : kind,
        unitMultiplier: kind === 'rate' ? 1000 : null,
        decimalPlaces: kind === 'count' || kind === 'money' ? 0 : 1,
        areaAggregation:
          kind === 'percent' || kind === 'rate'
            ? 'ratio'
            : kind === 'count' || kind === 'money'
              ? 'sum'
              : kind === 'score'
                ? 'population_weighted_mean'
                : 'none',
        timeAggregation: kind === 'percent' || kind === 'rate' ? 'ratio' : kind === 'count' || kind === 'money' ? 'sum' : 'mean',
        scale: kind === 'percent' ? 100 : kind === 'rate' ? 1000 : 1,
        base:
          kind === 'percent'
            ? 0.15 + 0.7 * rng.next()
            : kind === 'rate'
              ? 5 + 60 * rng.next()
              : kind === 'count'
                ? 1 + 20 * rng.next()
                : kind === 'money'
                  ? 50 + 400 * rng.next()
                  : 40 + 40 * rng.next(),
        loading: sign * (0.2 + 0.3 * rng.next()),
        slope: (rng.next() - 0.4) * 0.05,
        denominatorShare: 0.05 + 0.6 * rng.next(),
        withCi: kind === 'survey' || (kind === 'percent' && i % 4 === 0),
      });
    }
  }
  return out;
}

/** The indicator CSV format of the indicators module (src/modules/indicators/csv-columns.ts). */
export function indicatorCsvRows(indicators: readonly SynthIndicator[]): Record<string, string>[] {
  return indicators.map((d) => ({
    code: d.code,
    title: d.title,
    description: `Synthetic benchmark indicator: ${d.title.toLowerCase()}.`,
    numerator_definition: d.areaAggregation === 'ratio' ? `Number counted for: ${d.title.toLowerCase()}` : '',
    denominator_definition:
      d.areaAggregation === 'ratio' ? (d.kind === 'rate' ? 'Resident population' : 'Eligible population') : '',
    unit: d.unit,
    unit_multiplier: d.unitMultiplier === null ? '' : String(d.unitMultiplier),
    decimal_places: String(d.decimalPlaces),
    polarity: d.polarity,
    area_aggregation: d.areaAggregation,
    time_aggregation: d.timeAggregation,
    frequency: 'annual',
    period_type: 'financial_year',
    area_types: 'county;unitary;metropolitan_district;london_borough;district;ward;lsoa',
    theme: d.kind,
    source: 'Local Vision benchmark generator',
    collection_method: d.kind === 'survey' ? 'survey' : 'administrative',
  }));
}
