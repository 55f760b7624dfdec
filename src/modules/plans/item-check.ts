/**
 * Checking one item as written: its kind's fields, the indicator, areas and owner it names, periods
 * read with the indicator's period type, the direction (from the indicator's polarity unless stated;
 * required when it has none; lower for a gap), and the trajectory rules' own checks. Links between
 * items (parents, serves) are checked with the whole plan (plan-check.ts).
 */
import type { ProblemDetail } from '../../platform/errors.ts';
import type { IndicatorDefinition } from '../indicators/index.ts';
import { parsePeriod, periodFromKey, type PeriodType } from '../periods/index.ts';
import { isAreaType, type AreaType } from '../places/index.ts';
import { FieldReader } from './field-reader.ts';
import { MAX_TEXT, type ItemAt, type Tolerance } from './plan-input.ts';
import { owner, type Base, type CheckedItem, type ItemContext } from './item-context.ts';
import {
  ITEM_KINDS,
  TARGET_DIRECTIONS,
  TARGET_KINDS,
  TARGET_MEASURES,
  type ItemRef,
  type Milestone,
  type PlanItem,
  type Target,
  type TargetDirection,
  type TargetValue,
} from './plans.types.ts';
import { toleranceProblems, trajectoryProblems } from './rules/index.ts';
import { checkAction } from './action-check.ts';

export type { CheckedItem, ItemContext } from './item-context.ts';

export const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const COMMON = ['kind', 'key', 'parent', 'title', 'description', 'serves', 'note'];
export const TARGET_FIELDS = [
  ...COMMON,
  'targetKind',
  'nationalPriority',
  'indicator',
  'area',
  'coverage',
  'measure',
  'gapParts',
  'direction',
  'baseline',
  'target',
  'milestones',
  'tolerance',
  'toleranceKind',
  'stretch',
  'owner',
  'lead',
];
export const ACTION_FIELDS = [...COMMON, 'owner', 'lead', 'due', 'milestones', 'progress'];

/** What the links between items are checked with, read even from an item with other problems. */
export interface ItemSkeleton {
  key: string;
  kind: PlanItem['kind'];
  parentKey: string | null;
  serves: ItemRef[];
}

/** The item (null when it has problems, each recorded), and its skeleton when its kind and key could be read. */
export async function checkItem(
  at: ItemAt,
  ctx: ItemContext,
  problems: ProblemDetail[],
): Promise<{ checked: CheckedItem | null; skeleton: ItemSkeleton | null }> {
  const r = new FieldReader(at.input, at.place, problems);
  const before = problems.length;
  const kind = r.oneOf('kind', ITEM_KINDS, null);
  const key = r.text('key', { required: true, max: MAX_TEXT.key });
  if (key !== null && !KEY_PATTERN.test(key))
    r.report('key', key, 'must be letters, digits, dots, dashes or underscores, starting with a letter or digit');
  const base = {
    key: key ?? '',
    parentKey: r.text('parent', { max: MAX_TEXT.key }),
    title: r.text('title', { required: true, max: MAX_TEXT.title }) ?? '',
    description: r.text('description', { max: MAX_TEXT.text }),
    position: 0,
    serves: servesOf(r),
  };
  if (kind === null) return { checked: null, skeleton: null };
  const skeleton = key === null ? null : { key, kind, parentKey: base.parentKey, serves: base.serves };
  let checked: CheckedItem | null;
  if (kind === 'theme' || kind === 'priority') {
    r.refuseOthers(COMMON);
    checked = { item: { ...base, kind }, tolerance: null, progress: null };
  } else checked = kind === 'target' ? await checkTarget(r, base, ctx) : await checkAction(r, base, ctx, ACTION_FIELDS);
  return { checked: problems.length === before ? checked : null, skeleton };
}

function servesOf(r: FieldReader): ItemRef[] {
  return r.list('serves').flatMap((ref, i) => {
    const match = typeof ref === 'string' ? /^([^#\s]+)#([^#\s]+)$/.exec(ref.trim()) : null;
    if (!match) {
      r.report(`serves[${i}]`, ref, 'must be written plan-id#key');
      return [];
    }
    return [{ planId: match[1]!, key: match[2]! }];
  });
}

async function area(r: FieldReader, field: string, code: unknown, ctx: ItemContext): Promise<string | null> {
  if (typeof code !== 'string' || code.trim() === '') {
    r.report(field, code ?? '', 'must be an area code');
    return null;
  }
  if (!(await ctx.lookups.areaExists(code.trim()))) {
    r.report(field, code, 'is not a known area');
    return null;
  }
  return code.trim();
}

async function checkTarget(r: FieldReader, base: Base, ctx: ItemContext): Promise<CheckedItem | null> {
  r.refuseOthers(TARGET_FIELDS);
  const targetKind = r.oneOf('targetKind', TARGET_KINDS, 'local');
  const priority = r.text('nationalPriority', { max: MAX_TEXT.key });
  if (priority !== null && !ctx.fileNationalPriorities.has(priority) && !(await ctx.lookups.nationalPriorityRecorded(priority)))
    r.report('nationalPriority', priority, 'is not a known national priority: give it in the file’s nationalPriorities');
  if (targetKind === 'national' && priority === null)
    r.report('nationalPriority', '', 'is required for a national target: the code of the PSA target or standard it serves');
  const indicatorText = r.text('indicator', { required: true, max: MAX_TEXT.short });
  const indicator = indicatorText === null ? null : await ctx.lookups.indicator(indicatorText);
  if (indicatorText !== null && !indicator) r.report('indicator', indicatorText, 'is not a known indicator code or alias');
  const areaCode = await area(r, 'area', r.input.area ?? ctx.areaCode ?? undefined, ctx);
  const coverage: string[] = [];
  for (const [i, code] of r.list('coverage').entries()) {
    const known = await area(r, `coverage[${i}]`, code, ctx);
    if (known) coverage.push(known);
  }
  const measure = r.oneOf('measure', TARGET_MEASURES, 'level');
  const gapParts = measure === 'gap' ? gapPartsOf(r) : null;
  if (measure !== 'gap' && r.has('gapParts')) r.report('gapParts', r.input.gapParts, 'is only for a gap target (measure gap)');
  const direction = directionOf(r, indicator, measure === 'gap');
  const stretch = stretchOf(r, targetKind === 'stretch');
  const tolerance = toleranceOf(r);
  const ownerBodyId = await owner(r, ctx);
  const lead = r.text('lead', { max: MAX_TEXT.short });
  if (!indicator || !direction || !areaCode || !targetKind || !measure) return null;
  const periods = trajectoryOf(r, indicator.periodType, direction);
  if (!periods) return null;
  const target: Target = {
    ...base,
    kind: 'target',
    targetKind,
    nationalPriorityCode: priority,
    indicatorCode: indicator.code,
    areaCode,
    coverageAreaCodes: coverage,
    measure,
    gapPartType: gapParts,
    direction,
    ...periods,
    stretch,
    ownerBodyId,
    leadPerson: lead,
  };
  return { item: target, tolerance, progress: null };
}

function gapPartsOf(r: FieldReader): AreaType | null {
  const v = r.input.gapParts;
  if (v === undefined || v === null || v === '') return 'ward';
  if (typeof v === 'string' && isAreaType(v.trim())) return v.trim() as AreaType;
  r.report('gapParts', v, 'must be an area type (ward or lsoa): the parts whose most and least deprived are compared');
  return null;
}

const FROM_POLARITY: Record<string, TargetDirection | null> = {
  higher_is_better: 'higher',
  lower_is_better: 'lower',
  target_range: 'range',
  none: null,
};

function directionOf(r: FieldReader, indicator: IndicatorDefinition | null, gap: boolean): TargetDirection | null {
  if (r.has('direction')) return r.oneOf('direction', TARGET_DIRECTIONS, null);
  if (gap) return 'lower';
  if (!indicator) return null;
  const direction = FROM_POLARITY[indicator.polarity] ?? null;
  if (!direction)
    r.report(
      'direction',
      '',
      `is required: ${indicator.code} has no polarity, so say whether higher, lower or a range is better`,
    );
  return direction;
}

function stretchOf(r: FieldReader, isStretch: boolean): Target['stretch'] {
  const given = r.object('stretch');
  if (!given) {
    if (isStretch)
      r.report('stretch', '', 'is required for a stretch target: the reward it earns if met (amountGbp, description)');
    return null;
  }
  if (!isStretch) {
    r.report('stretch', given, 'is only for a stretch target (targetKind stretch)');
    return null;
  }
  const amountGbp = r.numberFrom('stretch.amountGbp', given.amountGbp, { min: 0 });
  const description = typeof given.description === 'string' && given.description.trim() !== '' ? given.description.trim() : null;
  if (amountGbp === null && description === null)
    r.report('stretch', given, 'give the reward: an amount in pounds, a description, or both');
  return { amountGbp, description };
}

function toleranceOf(r: FieldReader): Tolerance | null {
  const tolerance = r.number('tolerance');
  if (!r.has('tolerance')) {
    if (r.has('toleranceKind')) r.report('toleranceKind', r.input.toleranceKind, 'goes with a tolerance');
    return null;
  }
  const kind = r.oneOf('toleranceKind', ['absolute', 'percent'] as const, 'absolute');
  if (tolerance === null || kind === null) return null;
  const rule = { tolerance, toleranceKind: kind };
  for (const p of toleranceProblems(rule))
    r.report(p.field === 'rule.toleranceKind' ? 'toleranceKind' : 'tolerance', p.value, p.reason);
  return rule;
}

/** Baseline, target and milestones with their periods read as the indicator's type, checked by the trajectory rules. */
function trajectoryOf(
  r: FieldReader,
  periodType: PeriodType,
  direction: TargetDirection,
): Pick<Target, 'baseline' | 'target' | 'milestones'> | null {
  const before = r.problems.length;
  const period = (field: string, v: unknown): string | null => {
    if (v === undefined || v === null || String(v).trim() === '') {
      r.report(field, v ?? '', 'is required: a period');
      return null;
    }
    const parsed = parsePeriod(String(v), periodType);
    if (!parsed.ok) r.report(field, v, parsed.reason);
    return parsed.ok ? parsed.period.key : null;
  };
  const baselineIn = r.object('baseline');
  let baseline: Target['baseline'] = null;
  if (baselineIn) {
    const key = period('baseline.period', baselineIn.period);
    const value = r.numberFrom('baseline.value', baselineIn.value, { required: true });
    if (key !== null && value !== null) baseline = { period: key, value };
  }
  const targetIn = r.object('target');
  if (!targetIn) r.report('target', '', 'is required: the period and value to reach (a value may be left out for a placeholder)');
  const targetKey = targetIn ? period('target.period', targetIn.period) : null;
  const targetValue = targetIn ? valueOf(r, 'target', targetIn) : null;
  const milestones: Milestone[] = [];
  r.list('milestones').forEach((m, i) => {
    const field = `milestones[${i}]`;
    const parsed = typeof m === 'string' ? milestoneText(m) : m && typeof m === 'object' ? (m as Record<string, unknown>) : null;
    if (!parsed)
      return r.report(field, m, 'must be a period and a value (in a CSV cell: 2023/24=58, or 2023/24=55..60 for a range)');
    const key = period(`${field}.period`, parsed.period);
    const value = valueOf(r, field, parsed);
    if (value === null) r.report(`${field}.value`, parsed.value ?? '', 'is required: a milestone has a value');
    if (key !== null && value !== null) milestones.push({ period: key, value });
  });
  if (r.problems.length > before || targetKey === null) return null;
  const checked = { baseline, target: { period: targetKey, value: targetValue }, milestones };
  const problems = trajectoryProblems({
    direction,
    baseline: baseline ? { period: periodFromKey(baseline.period), value: baseline.value } : null,
    target: { period: periodFromKey(targetKey), value: targetValue },
    milestones: milestones.map((m) => ({ period: periodFromKey(m.period), value: m.value })),
  });
  for (const p of problems) r.report(p.field ?? '', p.value, p.reason);
  return problems.length === 0 ? checked : null;
}

/** `{ value }`, `{ low, high }`, or null for a placeholder (no value given). */
function valueOf(r: FieldReader, field: string, v: Record<string, unknown>): TargetValue | null {
  const has = (k: string) => v[k] !== undefined && v[k] !== null && v[k] !== '';
  if (has('low') || has('high')) {
    if (has('value')) r.report(`${field}.value`, v.value, 'give a value or a range (low, high), not both');
    const low = r.numberFrom(`${field}.low`, v.low, { required: true });
    const high = r.numberFrom(`${field}.high`, v.high, { required: true });
    return low !== null && high !== null ? { low, high } : null;
  }
  const value = r.numberFrom(`${field}.value`, v.value);
  return value === null ? null : { value };
}

/** A CSV milestone: `2023/24=58` or `2023/24=55..60`. */
function milestoneText(text: string): Record<string, unknown> | null {
  const match = /^(.+?)=\s*(-?[\d.,]+)(?:\s*\.\.\s*(-?[\d.,]+))?$/.exec(text.trim());
  if (!match) return null;
  return match[3] === undefined
    ? { period: match[1]!.trim(), value: match[2] }
    : { period: match[1]!.trim(), low: match[2], high: match[3] };
}
