/** The words the plans pages use for statuses, kinds, values, dates and trends. */
import type {
  ActionState,
  ItemKind,
  PlanKind,
  Status,
  StatusCounts,
  TargetDirection,
  TargetKind,
  TargetValue,
  VersionState,
} from '../plans.types.ts';
import { STATUS_NAMES, STATUS_SEVERITY, STATUSES } from '../plans.types.ts';
import { dateInWords, instantInWords } from '../../../platform/web/index.ts';

export { dateInWords, instantInWords };

export interface Tag {
  text: string;
  /** a govuk-tag colour class: the words say the status, the colour only repeats it */
  classes: string;
}

const STATUS_CLASSES: Record<Status, string> = {
  on_track: 'govuk-tag--green',
  at_risk: 'govuk-tag--yellow',
  off_track: 'govuk-tag--red',
  no_data: 'govuk-tag--grey',
};

export const statusTag = (status: Status): Tag => ({ text: STATUS_NAMES[status], classes: STATUS_CLASSES[status] });

const STATE_TAGS: Record<VersionState, Tag> = {
  draft: { text: 'Draft', classes: 'govuk-tag--grey' },
  published: { text: 'Published', classes: 'govuk-tag--blue' },
};

export const versionStateTag = (state: VersionState): Tag => STATE_TAGS[state];

const ACTION_STATE_WORDS: Record<ActionState, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  delayed: 'Delayed',
  complete: 'Complete',
  cancelled: 'Cancelled',
};

export const actionStateInWords = (state: ActionState): string => ACTION_STATE_WORDS[state];

/** The plural heading for plans of a kind. */
export const PLAN_KIND_PLURALS: Record<PlanKind, string> = {
  community_strategy: 'Sustainable Community Strategies',
  laa: 'Local Area Agreements',
  service_plan: 'Service plans',
};

/** An item's kind as a plan of that kind calls it: an LAA's priorities are its outcomes. */
export function itemKindInWords(kind: ItemKind, planKind: PlanKind): string {
  if (kind === 'priority' && planKind === 'laa') return 'outcome';
  return kind;
}

const TARGET_KIND_WORDS: Record<TargetKind, string> = {
  national: 'National',
  local: 'Local',
  statutory: 'Statutory',
  stretch: 'Stretch',
};

export const targetKindInWords = (kind: TargetKind): string => TARGET_KIND_WORDS[kind];

const DIRECTION_WORDS: Record<TargetDirection, string> = {
  higher: 'Higher is better',
  lower: 'Lower is better',
  range: 'Within the range is met',
};

export const directionInWords = (direction: TargetDirection): string => DIRECTION_WORDS[direction];

/** "58.4%", or "40% to 45%" for a range; "not set yet" for a placeholder. */
export function targetValueInWords(value: TargetValue | null, format: (v: number) => string): string {
  if (value === null) return 'not set yet';
  if ('value' in value) return format(value.value);
  return value.low === value.high ? format(value.low) : `${format(value.low)} to ${format(value.high)}`;
}

/** "3 off track, 1 at risk, 5 on track": worst first, leaving out none; "nothing to judge yet" when empty. */
export function countsInWords(counts: StatusCounts): string {
  const parts = [...STATUSES]
    .sort((a, b) => STATUS_SEVERITY[a] - STATUS_SEVERITY[b])
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s].toLocaleString('en-GB')} ${STATUS_NAMES[s].toLowerCase()}`);
  return parts.length === 0 ? 'nothing to judge yet' : parts.join(', ');
}

/** How the latest figures move, in a target's terms: better, worse or no change. */
export type TrendWord = 'Improving' | 'Getting worse' | 'No change' | 'Not enough figures';

/** '£250,000' */
export function poundsInWords(amount: number | null): string {
  if (amount === null) return '';
  return `£${amount.toLocaleString('en-GB', { maximumFractionDigits: 2 })}`;
}

/** '1 target', '3 targets' */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
