/**
 * The form for an item of a draft, with the fields of its kind: a theme or priority (title, what it
 * is under, what it serves), a target (indicator, area, baseline, milestones, target, tolerance,
 * reward) or an action (owner, due date, milestones). Periods are written as people write them
 * (2025/26); lists one to a line. The plans service checks it all and says what is wrong, by field.
 */
import { type ErrorSummaryItem, type FormErrors, NO_FORM_ERRORS, sentText } from '../../../../platform/web/index.ts';
import {
  type ItemKind,
  type NationalPriority,
  type PlanItem,
  type PlanKind,
  type PlanView,
  TARGET_DIRECTIONS,
  TARGET_KINDS,
  type TargetValue,
} from '../../index.ts';
import { periodLabel } from '../plan-common/figures.ts';
import { planUrls } from '../urls.ts';
import { directionInWords, itemKindInWords, targetKindInWords } from '../words.ts';
import { boxesOf, dateBoxes, type DateBoxes, type FieldMap, linesOf, listOf } from './form-problems.ts';

const TEXT_FIELDS = [
  'key',
  'parent',
  'title',
  'description',
  'serves',
  'targetKind',
  'nationalPriority',
  'indicator',
  'area',
  'coverage',
  'measure',
  'gapParts',
  'direction',
  'baselinePeriod',
  'baselineValue',
  'targetPeriod',
  'targetValue',
  'targetLow',
  'targetHigh',
  'milestones',
  'tolerance',
  'toleranceKind',
  'stretchAmount',
  'stretchDescription',
  'owner',
  'lead',
] as const;

export type ItemSent = Record<(typeof TEXT_FIELDS)[number], string> & { due: DateBoxes };

const field = (id: string, label: string) => ({ id, label });

/** The service's names for an item's fields, against the form's. */
export const ITEM_FIELDS: FieldMap = {
  key: field('key', 'Key'),
  parent: field('parent', 'Under'),
  title: field('title', 'Title'),
  description: field('description', 'Description'),
  serves: field('serves', 'Serves'),
  targetKind: field('targetKind', 'Kind of target'),
  nationalPriority: field('nationalPriority', 'National priority'),
  indicator: field('indicator', 'Indicator'),
  area: field('area', 'Area code'),
  coverage: field('coverage', 'Covers only'),
  measure: field('measure', 'Measure'),
  gapParts: field('gapParts', 'Parts compared'),
  direction: field('direction', 'Better is'),
  baseline: field('baselinePeriod', 'Baseline'),
  'baseline.period': field('baselinePeriod', 'Baseline period'),
  'baseline.value': field('baselineValue', 'Baseline value'),
  target: field('targetPeriod', 'Target'),
  'target.period': field('targetPeriod', 'Target period'),
  'target.value': field('targetValue', 'Target value'),
  'target.low': field('targetLow', 'Lowest value of the target range'),
  'target.high': field('targetHigh', 'Highest value of the target range'),
  milestones: field('milestones', 'Milestones'),
  tolerance: field('tolerance', 'Tolerance'),
  toleranceKind: field('toleranceKind', 'Kind of tolerance'),
  stretch: field('stretchAmount', 'Reward'),
  'stretch.amountGbp': field('stretchAmount', 'Reward in pounds'),
  'stretch.description': field('stretchDescription', 'Reward described'),
  owner: field('owner', 'Owner'),
  lead: field('lead', 'Lead'),
  due: field('due', 'Due by'),
};

export function itemSent(body: unknown): ItemSent {
  const sent = Object.fromEntries(TEXT_FIELDS.map((f) => [f, sentText(body, f)])) as Record<(typeof TEXT_FIELDS)[number], string>;
  return { ...sent, due: dateBoxes(body, 'due') };
}

export const EMPTY_ITEM: ItemSent = {
  ...(Object.fromEntries(TEXT_FIELDS.map((f) => [f, ''])) as Record<(typeof TEXT_FIELDS)[number], string>),
  due: boxesOf(null),
};

const valueText = (v: TargetValue | null) => (v === null ? '' : 'value' in v ? String(v.value) : '');
const milestoneLine = (m: { period: string; value: TargetValue }) =>
  `${periodLabel(m.period)}=${'value' in m.value ? m.value.value : `${m.value.low}..${m.value.high}`}`;

/** The form filled in from an item of the draft. */
export function sentFromItem(item: PlanItem): ItemSent {
  const base = {
    ...EMPTY_ITEM,
    key: item.key,
    parent: item.parentKey ?? '',
    title: item.title,
    description: item.description ?? '',
    serves: item.serves.map((s) => `${s.planId}#${s.key}`).join('\n'),
  };
  if (item.kind === 'action')
    return {
      ...base,
      owner: item.ownerBodyId,
      lead: item.leadPerson ?? '',
      due: boxesOf(item.due),
      milestones: item.milestones.map((m) => `${m.due} ${m.title}${m.done ? ' (done)' : ''}`).join('\n'),
    };
  if (item.kind !== 'target') return base;
  const range = item.target.value && 'low' in item.target.value ? item.target.value : null;
  return {
    ...base,
    targetKind: item.targetKind,
    nationalPriority: item.nationalPriorityCode ?? '',
    indicator: item.indicatorCode,
    area: item.areaCode,
    coverage: item.coverageAreaCodes.join(', '),
    measure: item.measure,
    gapParts: item.gapPartType ?? '',
    direction: item.direction,
    baselinePeriod: item.baseline ? periodLabel(item.baseline.period) : '',
    baselineValue: item.baseline ? String(item.baseline.value) : '',
    targetPeriod: periodLabel(item.target.period),
    targetValue: valueText(item.target.value),
    targetLow: range ? String(range.low) : '',
    targetHigh: range ? String(range.high) : '',
    milestones: item.milestones.map(milestoneLine).join('\n'),
    stretchAmount: item.stretch?.amountGbp != null ? String(item.stretch.amountGbp) : '',
    stretchDescription: item.stretch?.description ?? '',
    owner: item.ownerBodyId,
    lead: item.leadPerson ?? '',
  };
}

const given = (text: string) => text.trim() !== '';
const optional = (name: string, text: string) => (given(text) ? { [name]: text.trim() } : {});

function targetInput(s: ItemSent, isNew: boolean): Record<string, unknown> {
  const range = given(s.targetLow) || given(s.targetHigh);
  return {
    targetKind: s.targetKind || 'local',
    ...optional('nationalPriority', s.nationalPriority),
    indicator: s.indicator,
    ...optional('area', s.area),
    coverage: listOf(s.coverage),
    measure: s.measure || 'level',
    ...(s.measure === 'gap' ? optional('gapParts', s.gapParts) : {}),
    ...optional('direction', s.direction),
    ...(given(s.baselinePeriod) || given(s.baselineValue)
      ? { baseline: { period: s.baselinePeriod, value: s.baselineValue } }
      : {}),
    target: range
      ? { period: s.targetPeriod, low: s.targetLow, high: s.targetHigh, ...optional('value', s.targetValue) }
      : { period: s.targetPeriod, ...optional('value', s.targetValue) },
    milestones: linesOf(s.milestones),
    ...(isNew && given(s.tolerance) ? { tolerance: s.tolerance.trim(), toleranceKind: s.toleranceKind || 'absolute' } : {}),
    ...(given(s.stretchAmount) || given(s.stretchDescription)
      ? { stretch: { ...optional('amountGbp', s.stretchAmount), ...optional('description', s.stretchDescription) } }
      : {}),
    ...optional('owner', s.owner),
    ...optional('lead', s.lead),
  };
}

/** The item as putItem takes it; `due` is the checked date (YYYY-MM-DD, or blank). */
export function itemInput(kind: ItemKind, s: ItemSent, due: string, isNew: boolean): Record<string, unknown> {
  const common = {
    kind,
    key: s.key.trim(),
    ...optional('parent', s.parent),
    title: s.title,
    ...optional('description', s.description),
    serves: linesOf(s.serves),
  };
  if (kind === 'target') return { ...common, ...targetInput(s, isNew) };
  if (kind === 'action')
    return { ...common, ...optional('owner', s.owner), ...optional('lead', s.lead), due, milestones: linesOf(s.milestones) };
  return common;
}

type Option = { value: string; text: string; selected?: boolean; checked?: boolean };

export interface ItemFormView {
  pageTitle: string;
  planTitle: string;
  action: string;
  csrfToken: string;
  errorSummary: ErrorSummaryItem[];
  fieldErrors: FormErrors['fields'];
  backHref: string;
  kind: ItemKind;
  isNew: boolean;
  sent: ItemSent;
  parents: Option[];
  targetKinds: Option[];
  nationalPriorities: Option[];
  measures: Option[];
  gapParts: Option[];
  directions: Option[];
  toleranceKinds: Option[];
  toleranceHref: string | undefined;
}

const PARENT_KINDS: Record<ItemKind, ItemKind[]> = { theme: [], priority: ['theme'], target: ['priority'], action: ['priority'] };

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

export function itemFormView(opts: {
  view: PlanView;
  kind: ItemKind;
  isNew: boolean;
  csrfToken: string;
  nationalPriorities: readonly NationalPriority[];
  sent: ItemSent;
  errors?: FormErrors;
}): ItemFormView {
  const { view, kind, sent } = opts;
  const errors = opts.errors ?? NO_FORM_ERRORS;
  const planKind: PlanKind = view.plan.kind;
  const kindWord = itemKindInWords(kind, planKind);
  const id = view.plan.id;
  const parentKinds = PARENT_KINDS[kind];
  const choose = (list: Option[], chosen: string, key: 'selected' | 'checked') =>
    list.map((o) => ({ ...o, [key]: o.value === chosen }));
  return {
    pageTitle: opts.isNew ? `Add ${article(kindWord)}` : `Change the ${kindWord} ${sent.key}`,
    planTitle: view.version.title,
    action: opts.isNew ? planUrls.newItem(id, { kind }) : planUrls.editItem(id, sent.key),
    csrfToken: opts.csrfToken,
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
    backHref: planUrls.plan(id, { draft: true }),
    kind,
    isNew: opts.isNew,
    sent,
    parents: choose(
      [
        {
          value: '',
          text: parentKinds.length === 0 ? 'Nothing: it is at the top of the plan' : 'Nothing (at the top of the plan)',
        },
        ...view.items
          .filter((i) => parentKinds.includes(i.kind) && i.key !== sent.key)
          .map((i) => ({ value: i.key, text: `${i.title} (${itemKindInWords(i.kind, planKind)} ${i.key})` })),
      ],
      sent.parent,
      'selected',
    ),
    targetKinds: choose(
      TARGET_KINDS.map((k) => ({ value: k, text: targetKindInWords(k) })),
      sent.targetKind || 'local',
      'checked',
    ),
    nationalPriorities: choose(
      [{ value: '', text: 'None' }, ...opts.nationalPriorities.map((p) => ({ value: p.code, text: `${p.code}: ${p.wording}` }))],
      sent.nationalPriority,
      'selected',
    ),
    measures: choose(
      [
        { value: 'level', text: 'The indicator’s figure for the area' },
        { value: 'gap', text: 'The gap between the most and least deprived parts of the area (a floor target)' },
      ],
      sent.measure || 'level',
      'checked',
    ),
    gapParts: choose(
      [
        { value: 'ward', text: 'Wards' },
        { value: 'lsoa', text: 'Lower layer super output areas' },
      ],
      sent.gapParts || 'ward',
      'selected',
    ),
    directions: choose(
      [{ value: '', text: 'As the indicator says' }, ...TARGET_DIRECTIONS.map((d) => ({ value: d, text: directionInWords(d) }))],
      sent.direction,
      'checked',
    ),
    toleranceKinds: choose(
      [
        { value: 'absolute', text: 'In the indicator’s units (percentage points for a percentage)' },
        { value: 'percent', text: 'Per cent of the expected value' },
      ],
      sent.toleranceKind || 'absolute',
      'checked',
    ),
    toleranceHref: !opts.isNew && kind === 'target' ? planUrls.tolerance(id, sent.key) : undefined,
  };
}
