/**
 * Reading plan files into inputs with their places: a JSON file of national priorities and plans
 * (each problem at its JSON path), or a CSV file of one plan's items, one row per item (each problem
 * at its line and column; the columns are in README.md). A cell guarded against spreadsheet formulas
 * on export reads back as it was.
 */
import type { ProblemDetail } from '../../platform/errors.ts';
import { readCsv, readJson, type SubmittedFile } from '../../platform/files.ts';
import { restoreFormulaGuarded } from '../../platform/formula-guard.ts';
import { MAX_PLANS_PER_FILE, MAX_ITEMS_PER_PLAN, problemAt, type ItemAt, type Place, type PlanInput } from './plan-input.ts';

export interface PlanJsonFile {
  nationalPriorities: { input: Record<string, unknown>; place: Place }[];
  plans: { input: PlanInput; place: Place }[];
}

const TOP_FIELDS = ['nationalPriorities', 'plans', 'note'];

export function readPlanJson(file: SubmittedFile, problems: ProblemDetail[]): PlanJsonFile {
  const raw = readJson(file);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ reason: 'the file must be a JSON object with "plans" (and "nationalPriorities" if any)' });
    return { nationalPriorities: [], plans: [] };
  }
  const top = raw as Record<string, unknown>;
  for (const field of Object.keys(top))
    if (!TOP_FIELDS.includes(field))
      problems.push({ field, reason: 'is not a field of a plan file (nationalPriorities, plans, note)' });
  const objects = (field: string, max: number) => {
    const v = top[field];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      problems.push({ field, value: v, reason: 'must be a list' });
      return [];
    }
    if (v.length > max) {
      problems.push({ field, value: v.length, reason: `a file holds at most ${max}` });
      return [];
    }
    return v.flatMap((o, i) => {
      const place = { path: `${field}[${i}]` };
      if (o && typeof o === 'object' && !Array.isArray(o)) return [{ input: o as Record<string, unknown>, place }];
      problems.push(problemAt(place, '', o, 'must be an object'));
      return [];
    });
  };
  return { nationalPriorities: objects('nationalPriorities', 500), plans: objects('plans', MAX_PLANS_PER_FILE) };
}

/** The CSV columns, in the order an export writes them. */
export const PLAN_CSV_COLUMNS = [
  'plan',
  'kind',
  'key',
  'parent',
  'title',
  'description',
  'serves',
  'target_kind',
  'national_priority',
  'indicator',
  'area',
  'coverage',
  'measure',
  'gap_parts',
  'direction',
  'baseline_period',
  'baseline_value',
  'target_period',
  'target_value',
  'target_low',
  'target_high',
  'milestones',
  'tolerance',
  'tolerance_kind',
  'stretch_amount_gbp',
  'stretch_description',
  'owner',
  'lead',
  'due',
  'progress',
  'state',
  'as_of',
  'note',
] as const;
export type PlanCsvColumn = (typeof PLAN_CSV_COLUMNS)[number];

/** Columns read straight into the item field of the same meaning. */
const PLAIN: Partial<Record<PlanCsvColumn, string>> = {
  kind: 'kind',
  key: 'key',
  parent: 'parent',
  title: 'title',
  description: 'description',
  serves: 'serves',
  target_kind: 'targetKind',
  national_priority: 'nationalPriority',
  indicator: 'indicator',
  area: 'area',
  coverage: 'coverage',
  measure: 'measure',
  gap_parts: 'gapParts',
  direction: 'direction',
  milestones: 'milestones',
  tolerance: 'tolerance',
  tolerance_kind: 'toleranceKind',
  owner: 'owner',
  lead: 'lead',
  due: 'due',
};

export interface PlanCsvFile {
  planId: string | null;
  items: ItemAt[];
}

export function readPlanCsv(file: SubmittedFile, problems: ProblemDetail[]): PlanCsvFile {
  const table = readCsv(file, ['plan', 'kind', 'key']);
  for (const c of table.columns)
    if (!(PLAN_CSV_COLUMNS as readonly string[]).includes(c))
      problems.push({ line: 1, field: c, reason: 'is not a column of a plan file' });
  if (table.records.length > MAX_ITEMS_PER_PLAN) {
    problems.push({ reason: `a file holds at most ${MAX_ITEMS_PER_PLAN} items` });
    return { planId: null, items: [] };
  }
  let planId: string | null = null;
  const items: ItemAt[] = [];
  for (const record of table.records) {
    const cell = (c: PlanCsvColumn) => restoreFormulaGuarded(record.values[c] ?? '').trim();
    const plan = cell('plan');
    if (planId === null && plan !== '') planId = plan;
    if (plan === '')
      problems.push({ line: record.line, field: 'plan', reason: 'is required: the id of the plan the item belongs to' });
    else if (plan !== planId)
      problems.push({ line: record.line, field: 'plan', value: plan, reason: `a file holds the items of one plan (${planId})` });
    items.push({ input: itemInputOf(cell), place: { line: record.line } });
  }
  return { planId, items };
}

function itemInputOf(cell: (c: PlanCsvColumn) => string): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [column, field] of Object.entries(PLAIN)) {
    const v = cell(column as PlanCsvColumn);
    if (v !== '') input[field] = v;
  }
  const pair = (a: PlanCsvColumn, b: PlanCsvColumn) => cell(a) !== '' || cell(b) !== '';
  if (pair('baseline_period', 'baseline_value'))
    input.baseline = { period: cell('baseline_period'), value: cell('baseline_value') };
  if (pair('target_period', 'target_value') || pair('target_low', 'target_high'))
    input.target = {
      period: cell('target_period'),
      value: cell('target_value'),
      low: cell('target_low'),
      high: cell('target_high'),
    };
  if (pair('stretch_amount_gbp', 'stretch_description'))
    input.stretch = { amountGbp: cell('stretch_amount_gbp'), description: cell('stretch_description') };
  if (pair('progress', 'state') || pair('as_of', 'note'))
    input.progress = { progress: cell('progress'), state: cell('state'), asOf: cell('as_of'), note: cell('note') };
  return input;
}
