/**
 * How the Trafford ward indicators file (trafford_ward_indicators.csv) becomes indicator definitions
 * and observations, with its metadata file (trafford_ward_indicator_meta.csv). Pure.
 *
 * - One indicator per source_file: code TWD-<file name with - for _> (TWD-average-broadband-speed);
 *   title, description, theme and source from the meta row whose `data` URL ends with source_file.
 * - A population age band (population_0-15_years …) has a Percentage and a Count row per ward: ONE
 *   ratio indicator, value = the percentage, numerator = the count, denominator = the ward's total
 *   resident population for the same period (from total_resident_population.csv), so wards roll up to
 *   Trafford by Σnumerator ÷ Σdenominator. The percentage must agree with count ÷ total (the file
 *   rounds percentages to 1 decimal place, so within 0.05 points).
 * - Any other Count measure in a file that also has another measure becomes its own count indicator
 *   (TWD-<file>-count, summed over areas); a file with only a Count is a count indicator itself.
 * - Polarity only where the meta description says "better"/"worse" (Higher … indicate better …),
 *   else none. Area types ward and metropolitan_district. Period type from the period's spelling.
 */
import type { ProblemDetail } from '../../../platform/errors.ts';
import type { IndicatorInput, Polarity } from '../../indicators/index.ts';
import { parsePeriod, type PeriodType } from '../../periods/index.ts';

export interface WardDataRecord {
  line: number;
  values: Record<string, string>;
}

/** What one source_file becomes. */
export interface WardFilePlan {
  sourceFile: string;
  code: string;
  /** the code of the separate count indicator, when the file's Count is not folded into a ratio */
  countCode: string | null;
  /** Percentage + Count folded into one ratio indicator over the total resident population */
  ratio: boolean;
  mainMeasure: string;
  periodType: PeriodType | null;
}

export const TOTAL_POPULATION_FILE = 'total_resident_population';
const AGE_BAND = /^population_\d/;
export const RATIO_TOLERANCE = 0.05 + 1e-9;

export function baseName(sourceFile: string): string {
  return (sourceFile.split('/').pop() ?? sourceFile).replace(/\.csv$/i, '');
}

export function wardCode(sourceFile: string): string {
  return `TWD-${baseName(sourceFile).replace(/_/g, '-').toLowerCase()}`;
}

/** The plan for every source_file in the data, keyed by source_file. */
export function planWardFiles(records: readonly WardDataRecord[]): Map<string, WardFilePlan> {
  const byFile = new Map<string, WardDataRecord[]>();
  for (const r of records) {
    const file = r.values.source_file ?? '';
    byFile.set(file, [...(byFile.get(file) ?? []), r]);
  }
  const plans = new Map<string, WardFilePlan>();
  for (const [sourceFile, rows] of byFile) {
    const measures = [...new Set(rows.map((r) => r.values.measure ?? ''))];
    const ratio = AGE_BAND.test(baseName(sourceFile)) && measures.includes('Percentage') && measures.includes('Count');
    const mainMeasure = measures.find((m) => m !== 'Count') ?? 'Count';
    const parsed = parsePeriod(rows[0]?.values.period ?? '');
    plans.set(sourceFile, {
      sourceFile,
      code: wardCode(sourceFile),
      countCode: !ratio && mainMeasure !== 'Count' && measures.includes('Count') ? `${wardCode(sourceFile)}-count` : null,
      ratio,
      mainMeasure,
      periodType: parsed.ok ? parsed.period.type : null,
    });
  }
  return plans;
}

/** "Higher average linespeeds indicate better broadband performance." → higher_is_better. */
export function polarityFromDescription(text: string): Polarity {
  for (const sentence of text.split(/(?<=[.;])\s+/)) {
    const m = /\b(higher|lower|more|less|larger|smaller|greater|fewer)\b.*\b(better|worse)\b/i.exec(sentence);
    if (!m) continue;
    const up = /higher|more|larger|greater/i.test(m[1]!);
    const good = /better/i.test(m[2]!);
    return up === good ? 'higher_is_better' : 'lower_is_better';
  }
  return 'none';
}

const UNITS: Record<string, string> = { Percentage: 'percentage', Count: 'count', Ratio: 'ratio', 'Weighted Score': 'score' };

function decimalPlaces(values: readonly string[]): number {
  return Math.min(6, Math.max(0, ...values.map((v) => (v.includes('.') ? v.split('.')[1]!.length : 0))));
}

/** The meta row describing a source_file: its `data` URL ends with the file's path. */
export function findMeta(meta: readonly Record<string, string>[], sourceFile: string): Record<string, string> | undefined {
  return meta.find((m) => (m.data ?? '').trim().endsWith(`/${sourceFile}`) || (m.data ?? '').trim() === sourceFile);
}

/** The definitions for the planned files that have a meta row; problems for those that have none. */
export function wardDefinitions(
  plans: ReadonlyMap<string, WardFilePlan>,
  records: readonly WardDataRecord[],
  meta: readonly Record<string, string>[],
): { inputs: IndicatorInput[]; problems: ProblemDetail[] } {
  const inputs: IndicatorInput[] = [];
  const problems: ProblemDetail[] = [];
  for (const plan of plans.values()) {
    const rows = records.filter((r) => r.values.source_file === plan.sourceFile);
    const m = findMeta(meta, plan.sourceFile);
    const first = rows[0];
    if (!m || !first || !plan.periodType) {
      const reason = !m
        ? `no row of the metadata file describes ${plan.sourceFile} (its data URL must end with it)`
        : `the period '${first?.values.period}' cannot be read`;
      problems.push({
        line: first?.line,
        field: !m ? 'source_file' : 'period',
        value: !m ? plan.sourceFile : first?.values.period,
        reason,
      });
      continue;
    }
    const valuesOf = (measure: string) => rows.filter((r) => r.values.measure === measure).map((r) => r.values.value ?? '');
    inputs.push(mainDefinition(plan, m, first.values, decimalPlaces(valuesOf(plan.mainMeasure))));
    if (plan.countCode) inputs.push(countDefinition(plan, m, first.values, decimalPlaces(valuesOf('Count'))));
  }
  return { inputs, problems };
}

function common(
  plan: WardFilePlan,
  m: Record<string, string>,
): Omit<
  IndicatorInput,
  | 'code'
  | 'title'
  | 'description'
  | 'unit'
  | 'decimalPlaces'
  | 'polarity'
  | 'areaAggregation'
  | 'timeAggregation'
  | 'numeratorDefinition'
  | 'denominatorDefinition'
  | 'aliases'
> {
  const source = m.source?.trim() || null;
  return {
    rationale: null,
    unitMultiplier: null,
    targetRange: null,
    frequency: /mid-year|ofcom/i.test(source ?? '') ? 'annual' : 'one_off',
    periodType: plan.periodType!,
    areaTypes: ['metropolitan_district', 'ward'],
    theme: m.theme?.trim() || null,
    source,
    ownerBodyId: null,
    collectionMethod: /census/i.test(source ?? '') ? 'survey' : 'administrative',
    comparabilityNote: /best-fit/i.test(m.geography ?? '')
      ? 'Built from best-fit output areas: a ward figure approximates the ward as drawn.'
      : null,
  };
}

function mainDefinition(
  plan: WardFilePlan,
  m: Record<string, string>,
  row: Record<string, string>,
  places: number,
): IndicatorInput {
  const count = plan.mainMeasure === 'Count';
  return {
    ...common(plan, m),
    code: plan.code,
    title: m.indicator?.trim() || row.indicator || plan.code,
    description: m.description?.trim() || row.indicator || plan.code,
    unit: UNITS[plan.mainMeasure] ?? 'other',
    decimalPlaces: places,
    polarity: polarityFromDescription(m.description ?? ''),
    areaAggregation: plan.ratio ? 'ratio' : count ? 'sum' : 'none',
    timeAggregation: plan.ratio || count ? 'latest' : 'none',
    numeratorDefinition: plan.ratio ? `${row.indicator} (count of residents)` : null,
    denominatorDefinition: plan.ratio ? 'Total resident population of the area on the same date' : null,
    aliases: [{ scheme: 'trafford-ward', alias: plan.sourceFile }],
  };
}

function countDefinition(
  plan: WardFilePlan,
  m: Record<string, string>,
  row: Record<string, string>,
  places: number,
): IndicatorInput {
  const what = (row.unit ?? 'people').toLowerCase();
  return {
    ...common(plan, m),
    code: plan.countCode!,
    title: `${m.indicator?.trim() || row.indicator} (count)`,
    description: `The number of ${what} counted for: ${m.description?.trim() || row.indicator}`,
    unit: 'count',
    decimalPlaces: places,
    polarity: 'none',
    areaAggregation: 'sum',
    timeAggregation: 'latest',
    numeratorDefinition: null,
    denominatorDefinition: null,
    aliases: [{ scheme: 'trafford-ward', alias: `${plan.sourceFile}#count` }],
  };
}
