/**
 * The plans vocabulary (capability 5): community strategies, Local Area Agreements and service plans,
 * their themes, priorities, targets and actions, the golden thread that joins them, and the statuses
 * computed from published data. See docs/adr/0018-plans-and-the-golden-thread.md.
 */
import type { Period } from '../periods/index.ts';
import type { AreaType } from '../places/index.ts';

// --- plans and their versions -------------------------------------------------------------------

export const PLAN_KINDS = ['community_strategy', 'laa', 'service_plan'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PLAN_KIND_NAMES: Record<PlanKind, string> = {
  community_strategy: 'Sustainable Community Strategy',
  laa: 'Local Area Agreement',
  service_plan: 'service plan',
};

/** A version is drafted, then published (in force from a date); a published version is never edited. */
export const VERSION_STATES = ['draft', 'published'] as const;
export type VersionState = (typeof VERSION_STATES)[number];

export interface Plan {
  /** a slug chosen at creation, e.g. `trafford-community-strategy-2021` */
  id: string;
  kind: PlanKind;
  /** the owning body: an LSP for a strategy or LAA, any body for a service plan */
  ownerBodyId: string;
  /** the area the plan is for (the LAA's county or unitary area) */
  areaCode: string | null;
  createdAt: string;
}

export interface PlanVersion {
  id: number;
  planId: string;
  /** 1, 2, … in order of creation */
  number: number;
  state: VersionState;
  title: string;
  /** the vision (strategy) or purpose (LAA, service plan), plain text with paragraphs */
  vision: string | null;
  /** the years the plan covers, as periods (e.g. FY2021 … FY2030) */
  coversFrom: string | null;
  coversTo: string | null;
  /** YYYY-MM-DD the version is in force from; null while a draft */
  inForceFrom: string | null;
  /** what changed, required for every version after the first */
  changeNote: string | null;
  /** the LAA's partner bodies (ids); empty for other kinds */
  partnerBodyIds: string[];
  /** shown on every page of the plan, e.g. that the targets are illustrative */
  disclaimer: string | null;
  createdAt: string;
  createdBy: string;
  publishedAt: string | null;
  publishedBy: string | null;
}

// --- items of a version ---------------------------------------------------------------------------

export const ITEM_KINDS = ['theme', 'priority', 'target', 'action'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/**
 * Every item has a key that is stable across the plan's versions (`T3`, `housing`) and a parent key
 * within the same version (themes have none; priorities sit under a theme; targets and actions under
 * a priority). `serves` links an item to items of other plans: an LAA outcome serves a strategy
 * priority, a service plan's action serves an LAA target.
 */
export interface ItemRef {
  planId: string;
  key: string;
}

interface ItemBase {
  key: string;
  parentKey: string | null;
  title: string;
  description: string | null;
  /** order among siblings, from 1 */
  position: number;
  serves: ItemRef[];
}

export interface Theme extends ItemBase {
  kind: 'theme';
}

/** A priority; an LAA calls its priorities outcomes. */
export interface Priority extends ItemBase {
  kind: 'priority';
}

export const TARGET_KINDS = ['national', 'local', 'statutory', 'stretch'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** `level`: the indicator's figure for the area; `gap`: the deprivation gap within the area (floor targets). */
export const TARGET_MEASURES = ['level', 'gap'] as const;
export type TargetMeasure = (typeof TARGET_MEASURES)[number];

/**
 * Which way is better for this target. Defaults from the indicator's polarity; must be given when the
 * indicator has none. `range`: within [low, high] is met. A gap target's direction is `lower` (narrow it).
 */
export const TARGET_DIRECTIONS = ['higher', 'lower', 'range'] as const;
export type TargetDirection = (typeof TARGET_DIRECTIONS)[number];

/** A value to reach: one number, or a range for `range` targets. */
export type TargetValue = { value: number } | { low: number; high: number };

export interface Milestone {
  /** canonical period key, e.g. FY2025 */
  period: string;
  value: TargetValue;
}

export interface StretchReward {
  /** the reward grant if the stretch target is met, in pounds; null when only described */
  amountGbp: number | null;
  description: string | null;
}

export interface Target extends ItemBase {
  kind: 'target';
  targetKind: TargetKind;
  /** the national priority (PSA target or standard) a national target is linked to */
  nationalPriorityCode: string | null;
  indicatorCode: string;
  /** the area the figure is for */
  areaCode: string;
  /** the districts (or other sub-areas) the target covers when not the whole area */
  coverageAreaCodes: string[];
  measure: TargetMeasure;
  /** for a gap target, the parts whose most and least deprived fifths are compared (ward, lsoa); null for a level */
  gapPartType: AreaType | null;
  direction: TargetDirection;
  /** null: a placeholder until a baseline exists */
  baseline: { period: string; value: number } | null;
  /** null value: a placeholder target whose value is not set yet */
  target: { period: string; value: TargetValue | null };
  /** interim milestones, in period order, between the baseline and the target */
  milestones: Milestone[];
  stretch: StretchReward | null;
  ownerBodyId: string;
  /** a person's name or post, as the plan states it */
  leadPerson: string | null;
}

export const ACTION_STATES = ['not_started', 'in_progress', 'delayed', 'complete', 'cancelled'] as const;
export type ActionState = (typeof ACTION_STATES)[number];

export interface ActionMilestone {
  /** YYYY-MM-DD */
  due: string;
  title: string;
  done: boolean;
}

export interface Action extends ItemBase {
  kind: 'action';
  ownerBodyId: string;
  leadPerson: string | null;
  /** YYYY-MM-DD */
  due: string;
  milestones: ActionMilestone[];
}

export type PlanItem = Theme | Priority | Target | Action;

/** Progress of an action is reported over time, not by revising the plan: each report is kept. */
export interface ActionUpdate {
  id: number;
  planId: string;
  actionKey: string;
  /** 0–100 */
  progress: number;
  state: ActionState;
  note: string | null;
  /** YYYY-MM-DD the report is about */
  asOf: string;
  createdAt: string;
  createdBy: string;
}

/** A Public Service Agreement target or standard, recorded once and linked from national targets. */
export interface NationalPriority {
  /** e.g. `PSA 18` */
  code: string;
  wording: string;
  /** the department that owns it, as stated */
  department: string | null;
  kind: 'psa_target' | 'psa_standard';
}

// --- statuses -----------------------------------------------------------------------------------

export const STATUSES = ['on_track', 'at_risk', 'off_track', 'no_data'] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS_NAMES: Record<Status, string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  no_data: 'No data',
};
/** Worst first, for ordering items and rolling up. */
export const STATUS_SEVERITY: Record<Status, number> = { off_track: 0, at_risk: 1, no_data: 2, on_track: 3 };

/**
 * How a target's status is judged. Versioned per target: changing the tolerance makes a new rule
 * version (in force from its date); statuses already recorded keep the version they were judged by.
 */
export interface StatusRule {
  id: number;
  planId: string;
  targetKey: string;
  version: number;
  /** how far on the wrong side of the trajectory still counts as at risk, in the indicator's units */
  tolerance: number;
  /** `absolute`: tolerance in the indicator's units; `percent`: per cent of the expected value */
  toleranceKind: 'absolute' | 'percent';
  inForceFrom: string;
  createdAt: string;
  createdBy: string;
  reason: string | null;
}

/** The pure judgement's inputs (rules/status.ts). */
export interface StatusInput {
  direction: TargetDirection;
  baseline: { period: Period; value: number } | null;
  target: { period: Period; value: TargetValue | null };
  milestones: { period: Period; value: TargetValue }[];
  /** the published figures of the target's measure, any order; null values are gaps */
  actuals: { period: Period; value: number | null }[];
  rule: Pick<StatusRule, 'tolerance' | 'toleranceKind'>;
}

/** The judgement and everything it used, stored beside the status. */
export interface StatusJudgement {
  status: Status;
  /** one plain sentence: "58.4% in 2023/24 against an expected 59.1%: within the tolerance of 1 point" */
  reason: string;
  /** the period judged (the latest with a figure), null when there is none */
  period: string | null;
  actual: number | null;
  /** the trajectory's value for that period */
  expected: TargetValue | null;
  /** the final target already met or beaten */
  targetMet: boolean;
}

/** A stored status: the judgement, the rule version and the thresholds it used, when. */
export interface TargetAssessment extends StatusJudgement {
  id: number;
  planId: string;
  targetKey: string;
  planVersionId: number;
  ruleId: number;
  ruleVersion: number;
  tolerance: number;
  toleranceKind: 'absolute' | 'percent';
  assessedAt: string;
}

// --- forecast -----------------------------------------------------------------------------------

export interface Forecast {
  /** `linear_trend`: least-squares line through the last points (up to 5); `none`: too few points */
  method: 'linear_trend' | 'none';
  /** plain words: the method, the points used, and how sure it is */
  explanation: string;
  period: string;
  value: number | null;
  /** an 80% prediction interval; null with fewer than 3 points */
  low: number | null;
  high: number | null;
  pointsUsed: number;
  /** short (fewer than 4 points) or noisy (the interval's half-width larger than the change the line predicts to the target period) */
  uncertain: boolean;
  /** would the forecast value meet the target */
  meetsTarget: boolean | null;
}

// --- the golden thread ----------------------------------------------------------------------------

export interface StatusCounts {
  on_track: number;
  at_risk: number;
  off_track: number;
  no_data: number;
}

/** One node of the thread as pages and the API show it: the item, its status, and what is under it. */
export interface ThreadNode {
  ref: ItemRef;
  kind: ItemKind;
  title: string;
  /** the plan the item belongs to (another plan's when it hangs here because it serves its parent) */
  plan: { id: string; kind: PlanKind; title: string };
  /** `root`: a top item of the plan shown; `child`: under its parent in its own plan; `serves`: an item of another plan serving its parent */
  relation: 'root' | 'child' | 'serves';
  /** the whole item, with its kind's own fields (a target's indicator and area, an action's due date) */
  item: PlanItem;
  status: Status;
  /** a cancelled action: shown, but left out of every count (its status reads no data) */
  cancelled: boolean;
  /** for a theme or priority: counts of the targets and actions beneath it */
  counts: StatusCounts | null;
  ownerBodyId: string | null;
  ownerBodyName: string | null;
  leadPerson: string | null;
  /** a target's latest assessment and forecast, an action's latest update */
  assessment: TargetAssessment | null;
  forecast: Forecast | null;
  actionUpdate: ActionUpdate | null;
  /** worst first */
  children: ThreadNode[];
}
