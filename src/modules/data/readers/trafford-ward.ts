/**
 * Trafford Data Lab's ward indicators (theme, source_file, area_code, area_name, indicator, period,
 * measure, unit, value) with their metadata file; the mapping is in trafford-ward-plan.ts. The
 * definitions are saved through the indicators module inside the import's transaction, so a refused
 * file leaves no definition behind either.
 */
import type { ProblemDetail } from '../../../platform/errors.ts';
import { readCsv, type SubmittedFile } from '../../../platform/files.ts';
import { saveIndicatorDefinitions } from '../../indicators/index.ts';
import type { SourceRow } from '../observation.types.ts';
import { isMissingMark } from './trafford-lab.ts';
import {
  baseName,
  planWardFiles,
  RATIO_TOLERANCE,
  TOTAL_POPULATION_FILE,
  wardDefinitions,
  type WardDataRecord,
  type WardFilePlan,
} from './trafford-ward-plan.ts';
import type { ObservationSource } from './source.ts';

const COLUMNS = ['theme', 'source_file', 'area_code', 'area_name', 'indicator', 'period', 'measure', 'unit', 'value'] as const;
const META_COLUMNS = ['theme', 'indicator', 'source', 'description', 'data'] as const;

export function isTraffordWardHeader(columns: readonly string[]): boolean {
  return COLUMNS.every((c) => columns.includes(c));
}

export function traffordWardSource(file: SubmittedFile, meta?: SubmittedFile): ObservationSource {
  const { records } = readCsv(file, COLUMNS);
  const plans = planWardFiles(records);
  const problems: ProblemDetail[] = [];
  const { rows, folded } = wardRows(records, plans, problems);
  const source: ObservationSource = {
    reader: 'trafford-ward',
    batches: [{ rows, problems }],
    expectedRows: records.length,
    unknownIndicatorHint:
      'import the file together with its metadata file (trafford_ward_indicator_meta.csv), which creates the indicator',
  };
  if (folded > 0)
    source.skipped = [
      { count: folded, reason: 'Count rows of population age bands, stored as the numerators of their ratio indicators' },
    ];
  if (meta) {
    const metaRows = readCsv(meta, META_COLUMNS).records.map((r) => r.values);
    const { inputs, problems: metaProblems } = wardDefinitions(plans, records, metaRows);
    problems.push(...metaProblems);
    source.prepare = async (db, clock, actor) => {
      if (inputs.length === 0) return 0;
      const saved = await saveIndicatorDefinitions(db, inputs, clock, actor);
      return saved.created + saved.versioned + saved.aliasesUpdated;
    };
  }
  return source;
}

const key = (...parts: (string | undefined)[]) => parts.join('\u0000');

function wardRows(
  records: readonly WardDataRecord[],
  plans: ReadonlyMap<string, WardFilePlan>,
  problems: ProblemDetail[],
): { rows: SourceRow[]; folded: number } {
  const totals = new Map<string, string>();
  const counts = new Map<string, string>();
  for (const { values: v } of records) {
    if (baseName(v.source_file ?? '') === TOTAL_POPULATION_FILE) totals.set(key(v.area_code, v.period), v.value ?? '');
    if (v.measure === 'Count') counts.set(key(v.source_file, v.area_code, v.period), v.value ?? '');
  }
  const rows: SourceRow[] = [];
  let folded = 0;
  for (const { line, values: v } of records) {
    const plan = plans.get(v.source_file ?? '')!;
    const isCount = v.measure === 'Count';
    if (plan.ratio && isCount) {
      folded++; // the numerator of the percentage row
      continue;
    }
    const code = isCount && plan.countCode ? plan.countCode : plan.code;
    const row = observationRow(line, code, v);
    if (plan.ratio)
      addRatio(row, counts.get(key(v.source_file, v.area_code, v.period)), totals.get(key(v.area_code, v.period)), problems);
    rows.push(row);
  }
  return { rows, folded };
}

function observationRow(line: number, indicator: string, v: Record<string, string>): SourceRow {
  const missing = isMissingMark(v.value ?? '');
  return {
    line,
    indicator,
    area: v.area_code,
    period: v.period,
    value: missing ? '' : v.value,
    status: missing ? 'not_available' : 'final',
  };
}

/** numerator = the band's count, denominator = the total resident population; checked against the percentage. */
function addRatio(row: SourceRow, count: string | undefined, total: string | undefined, problems: ProblemDetail[]): void {
  if (count === undefined || total === undefined) {
    const what =
      count === undefined ? 'no Count row for this ward and period' : `no total_resident_population row for this ward and period`;
    problems.push({
      line: row.line,
      field: 'measure',
      value: 'Percentage',
      reason: `a population age band needs its count and the total population: ${what}`,
    });
    return;
  }
  row.numerator = count;
  row.denominator = total;
  const [pct, n, d] = [Number(row.value), Number(count), Number(total)];
  if ([pct, n, d].every(Number.isFinite) && d !== 0 && Math.abs(pct - (100 * n) / d) > RATIO_TOLERANCE) {
    problems.push({
      line: row.line,
      field: 'value',
      value: row.value ?? '',
      reason: `the percentage ${pct} does not agree with the count ${n} of the total population ${d} (${((100 * n) / d).toFixed(2)}%)`,
    });
  }
}
