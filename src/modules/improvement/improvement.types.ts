/**
 * The vocabulary of capability 6, under-performance: trigger rules and the sources that fire them,
 * cases on the ladder of response and their transitions, councils' risk profiles, proportionate
 * inspection with self-assessment, and improvement partnerships with peer review.
 * See docs/adr/0020-under-performance-triggers-cases-and-risk.md.
 */

// --- trigger rules ------------------------------------------------------------------------------

/** The built-in rule kinds over published data and targets. */
export const TRIGGER_KINDS = [
  'off_target',
  'red_red',
  'bottom_quartile',
  'series_break',
  'data_late',
  'satisfaction_fall',
] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

export const TRIGGER_KIND_NAMES: Record<TriggerKind, string> = {
  off_target: 'Off target',
  red_red: 'Worse than comparators and worsening (“red-red”)',
  bottom_quartile: 'Bottom quartile of comparators',
  series_break: 'Break or sudden drop in a series',
  data_late: 'Data late past its collection deadline',
  satisfaction_fall: 'Fall in satisfaction beyond the margin of error',
};

/** The rungs of the ladder of response (seed appendix C ch. 7). */
export const RUNGS = [1, 2, 3] as const;
export type Rung = (typeof RUNGS)[number];
export const RUNG_NAMES: Record<Rung, string> = {
  1: 'Internal performance management and scrutiny',
  2: 'Sector and partnership support (improvement partnership, peer review)',
  3: 'Central government engagement and intervention',
};

/** Which comparator group a comparison rule ranks a council in. */
export type ComparatorChoice = 'nearest' | 'type' | 'region' | 'england';

/** Parameters common to every rule. */
export interface CommonParams {
  /** the rung a case opened by this rule starts on */
  openAtRung: Rung;
  /** consecutive periods in which the rule no longer fires before a case it opened closes as recovered */
  recoveryPeriods: number;
}

export interface OffTargetParams extends CommonParams {
  /** consecutive judged periods the target must be off track */
  periods: number;
  /** also fire on "at risk" (within tolerance) */
  includeAtRisk: boolean;
}
export interface RedRedParams extends CommonParams {
  comparator: ComparatorChoice;
}
export interface BottomQuartileParams extends CommonParams {
  comparator: ComparatorChoice;
  /** consecutive periods in the worst quartile */
  periods: number;
}
export interface SeriesBreakParams extends CommonParams {
  /** a drop (in the worse direction) larger than this many times the series' median absolute change fires */
  dropFactor: number;
  /** and at least this many of the indicator's units (so a flat series does not fire on noise) */
  minimumDrop: number;
  /** changes between consecutive periods, before the latest change, needed to judge what a usual change is */
  minimumHistory: number;
  /** a missing figure for a period between two present ones, or for the latest period when the council had the one before */
  fireOnGap: boolean;
}
export interface DataLateParams extends CommonParams {
  /** days after the due date before it fires */
  graceDays: number;
}
export interface SatisfactionFallParams extends CommonParams {
  /** used when the figures carry no confidence interval: the margin of error, in the indicator's units */
  marginOfError: number;
}

export interface TriggerParamsByKind {
  off_target: OffTargetParams;
  red_red: RedRedParams;
  bottom_quartile: BottomQuartileParams;
  series_break: SeriesBreakParams;
  data_late: DataLateParams;
  satisfaction_fall: SatisfactionFallParams;
}
export type TriggerParams = TriggerParamsByKind[TriggerKind];

/** '*' in a scope means every body, or every indicator. */
export const ANY = '*';

/**
 * A version of a rule for a scope: the general rule (body '*', indicator '*'), one council's
 * (body id, '*'), one indicator's ('*', code) or both. Versions are added, never changed; the most
 * specific scope with a version wins, and its latest version is the one in force.
 */
export interface TriggerRuleVersion<K extends TriggerKind = TriggerKind> {
  id: number;
  kind: K;
  bodyId: string;
  indicatorCode: string;
  version: number;
  enabled: boolean;
  params: TriggerParamsByKind[K];
  createdAt: string;
  createdBy: string;
  reason: string | null;
}

// --- the facts rules read (gathered by the engine, judged by the pure rules) --------------------

export type Polarity = 'higher_is_better' | 'lower_is_better' | 'none';

export interface SeriesPoint {
  period: string;
  /** ISO date the period ends, for ordering */
  periodEnd: string;
  value: number;
  ciLower: number | null;
  ciUpper: number | null;
}

/** Where the subject's figure stood in its comparator group for one period. */
export interface GroupPosition {
  period: string;
  groupId: string;
  groupName: string;
  /** members with a figure */
  size: number;
  /** 1 = best */
  rank: number;
  /** 1 = best quarter, 4 = worst */
  quartile: 1 | 2 | 3 | 4;
  median: number;
  /** the boundary of the worst quarter (lower quartile when higher is better) */
  worstQuartileBound: number;
  value: number;
}

/** One indicator's figures for one council's area, with its comparator positions. */
export interface IndicatorFacts {
  indicatorCode: string;
  indicatorTitle: string;
  polarity: Polarity;
  unit: string;
  /** for a rate: per how many ("per 1,000"); absent or null otherwise */
  unitMultiplier?: number | null;
  decimalPlaces: number;
  /** this area's published figures, oldest first */
  series: SeriesPoint[];
  /** this area's positions, oldest first, for the periods that could be ranked */
  positions: GroupPosition[];
  /** periods any area has a figure for, oldest first (to see a gap in this area's series) */
  periodsWithFigures: string[];
  /**
   * positions in each comparator group a rule in force asks for (`positions` are those of the default,
   * 'nearest'); the built-in source hands a rule the positions of its own `comparator`
   */
  positionsByComparator?: Partial<Record<ComparatorChoice, GroupPosition[]>>;
}

/** A target's judged statuses, one per period (the newest judgement of each), oldest first. */
export interface TargetFacts {
  planId: string;
  targetKey: string;
  title: string;
  indicatorCode: string;
  areaCode: string;
  judgements: {
    period: string;
    status: 'on_track' | 'at_risk' | 'off_track' | 'no_data';
    reason: string;
    actual: number | null;
    expected: number | null;
    ruleVersion: number;
    assessedAt: string;
  }[];
}

export interface DeadlineFacts {
  indicatorCode: string;
  indicatorTitle: string;
  period: string;
  dueDate: string;
  /** when a figure for the area was published, if it has been */
  receivedAt: string | null;
}

/** What each kind of rule judges. */
export interface RuleInputsByKind {
  off_target: TargetFacts;
  red_red: IndicatorFacts;
  bottom_quartile: IndicatorFacts;
  series_break: IndicatorFacts;
  data_late: DeadlineFacts;
  satisfaction_fall: IndicatorFacts;
}

/** Everything the built-in rules and the risk profile read about one council. */
export interface CouncilFacts {
  bodyId: string;
  bodyName: string;
  areaCode: string;
  areaName: string;
  /** one per indicator with published figures for the area */
  indicators: (IndicatorFacts & { theme: string | null })[];
  /** targets whose area is the council's, or whose plan the council (or its LSP) owns */
  targets: (TargetFacts & { ownerBodyId: string })[];
  /** figures due from the council (its own deadlines, and general ones for indicators it has published before) */
  deadlines: DeadlineFacts[];
}

/** What a rule says about a subject at its latest period. */
export interface RuleOutcome {
  fires: boolean;
  /** the period judged (null when there is nothing to judge) */
  period: string | null;
  /** one plain sentence: why it fired, or why not */
  summary: string;
  /** the values and comparisons that made it fire, kept with the firing */
  evidence: Record<string, unknown>;
}

// --- firings and their sources ------------------------------------------------------------------

/** What a trigger source hands the engine: one reason to open or add to a case. */
export interface TriggerFiring {
  /** the source's id: 'indicator_rules' for the built-in rules; later 'call_for_action', 'neighbourhood_contract' */
  source: string;
  /** the rule kind for the built-in rules, or the source's own kind */
  kind: string;
  ruleId: number | null;
  ruleVersion: number | null;
  bodyId: string;
  areaCode: string;
  indicatorCode: string | null;
  period: string | null;
  /** the same fingerprint is recorded once: running again adds nothing */
  fingerprint: string;
  summary: string;
  evidence: Record<string, unknown>;
  openAtRung: Rung;
}

/** The subject of a case: a firing opens a case or adds to the open case with the same subject. */
export interface CaseSubject {
  bodyId: string;
  areaCode: string;
  indicatorCode: string | null;
}

/** What a source is asked whether a case it fired has recovered. */
export interface RecoveryCheck {
  /** periods (newest first) in which none of the case's rules fire; 0 when one still does */
  clearPeriods: number;
  /** the periods needed (the largest recoveryPeriods of the case's rules) */
  needed: number;
  summary: string;
}

// --- cases and the ladder of response -----------------------------------------------------------

export const CASE_STATES = ['open', 'acknowledged', 'action_planned', 'closed_recovered', 'closed'] as const;
export type CaseState = (typeof CASE_STATES)[number];
export const OPEN_CASE_STATES: readonly CaseState[] = ['open', 'acknowledged', 'action_planned'];
export const CASE_STATE_NAMES: Record<CaseState, string> = {
  open: 'Open: awaiting an owner',
  acknowledged: 'Acknowledged',
  action_planned: 'Action plan in place',
  closed_recovered: 'Closed: performance recovered',
  closed: 'Closed',
};

export const CASE_ACTIONS = [
  'open',
  'add_evidence',
  'acknowledge',
  'add_action_plan',
  'escalate',
  'de_escalate',
  'close_recovered',
  'close',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** The part of a case the transitions read and change. */
export interface CaseSnapshot {
  state: CaseState;
  rung: Rung;
  ownerName: string | null;
  actionPlan: string | null;
  /** ISO instant */
  deadline: string;
  rungEnteredAt: string;
  closedReason: string | null;
}

export interface TransitionRequest {
  action: CaseAction;
  /** why: required for escalate, de_escalate and close */
  reason?: string;
  /** acknowledge: who owns the case (a post or a name; shown publicly) */
  ownerName?: string;
  /** add_action_plan: the plan */
  actionPlan?: string;
  /** escalate: by the system because the deadline passed without improvement */
  automatic?: boolean;
  /** open: the rung to start on */
  rung?: Rung;
}

/** What the transitions need to know beyond the case. */
export interface TransitionFacts {
  now: Date;
  /** days each rung gives before its deadline */
  deadlineDays: Record<Rung, number>;
  /** has the case's indicator improved since the case entered its rung (null: nothing to compare) */
  improvedSinceRungEntered: boolean | null;
  /** recovery, for close_recovered */
  recovery: RecoveryCheck | null;
}

export type TransitionResult =
  | { ok: true; next: CaseSnapshot; fromState: CaseState; toState: CaseState; fromRung: Rung; toRung: Rung }
  | { ok: false; message: string };

export interface CaseEvent {
  id: number;
  caseId: number;
  seq: number;
  action: CaseAction;
  fromState: CaseState | null;
  toState: CaseState;
  fromRung: Rung | null;
  toRung: Rung;
  reason: string | null;
  /** e.g. the firing ids added, the owner named, the plan text */
  detail: Record<string, unknown>;
  /** who, as the audit log says it (a name or 'system: …'); never a resident's personal data */
  actor: string;
  at: string;
}

export interface Case {
  id: number;
  subject: CaseSubject;
  title: string;
  state: CaseState;
  rung: Rung;
  ownerName: string | null;
  actionPlan: string | null;
  deadline: string;
  rungEnteredAt: string;
  /** the case's indicator value and period when it entered its rung (to see improvement) */
  baselineValue: number | null;
  baselinePeriod: string | null;
  openedAt: string;
  closedAt: string | null;
  closedReason: string | null;
  /** rule kinds (or source kinds) that fired into it */
  kinds: string[];
}

export interface FiringRecord extends TriggerFiring {
  id: number;
  caseId: number;
  firedAt: string;
}

export interface CaseListQuery {
  status?: 'open' | 'closed';
  bodyId?: string;
  areaCode?: string;
  indicatorCode?: string;
  rung?: Rung;
  kind?: string;
  page?: number;
  pageSize?: number;
}

/** Days each rung gives by default before its deadline; a council's own may be set. */
export const DEFAULT_RUNG_DEADLINE_DAYS: Record<Rung, number> = { 1: 90, 2: 120, 3: 180 };

// --- risk profiles --------------------------------------------------------------------------------

export const RISK_COMPONENTS = [
  'off_target',
  'bottom_quartile',
  'worsening',
  'data_quality',
  'open_cases',
  'calls_for_action',
] as const;
export type RiskComponentKey = (typeof RISK_COMPONENTS)[number];

export const RISK_COMPONENT_NAMES: Record<RiskComponentKey, string> = {
  off_target: 'Targets off track',
  bottom_quartile: 'Indicators in the bottom quartile of comparators',
  worsening: 'Indicators getting worse',
  data_quality: 'Figures late or missing',
  open_cases: 'Open cases, weighted by rung',
  calls_for_action: 'Calls for action by residents',
};

/** A version of the published scoring model; added, never changed. */
export interface RiskModel {
  version: number;
  weights: Record<RiskComponentKey, number>;
  /** points per open case on each rung, and the points that count as a full share */
  casePoints: Record<Rung, number>;
  casePointsForFullShare: number;
  /** score thresholds (0–100) of the bands */
  bands: { high: number; medium: number };
  createdAt: string;
  createdBy: string;
  reason: string | null;
}

export const RISK_BANDS = ['high', 'medium', 'low'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

/** The counts a council's score is made from. */
export interface RiskInputs {
  targetsJudged: number;
  targetsOffTrack: number;
  indicatorsCompared: number;
  indicatorsBottomQuartile: number;
  indicatorsWithTrend: number;
  indicatorsWorsening: number;
  figuresDue: number;
  figuresLateOrMissing: number;
  openCasesByRung: Record<Rung, number>;
  /** null until calls for action are collected */
  callsForAction: number | null;
}

export interface RiskComponent {
  key: RiskComponentKey;
  /** 0–1, or null when there is nothing to judge (it then adds nothing) */
  share: number | null;
  weight: number;
  /** weight × share, scaled so that the weights' total gives 100 */
  points: number;
  /** in words: "2 of 7 targets off track" */
  explanation: string;
}

export interface RiskBreakdown {
  score: number;
  band: RiskBand;
  modelVersion: number;
  components: RiskComponent[];
  /** inspection themes where something is wrong (for the schedule's coverage) */
  flaggedThemes: InspectionTheme[];
}

export interface RiskProfile extends RiskBreakdown {
  bodyId: string;
  bodyName: string;
  areaCode: string;
  inputs: RiskInputs;
  computedAt: string;
}

// --- proportionate inspection ---------------------------------------------------------------------

/** The four inspection themes proposed in seed appendix C ch. 6. */
export const INSPECTION_THEMES = [
  'local_services',
  'justice_community_safety',
  'adult_social_care_health',
  'children_education_skills',
] as const;
export type InspectionTheme = (typeof INSPECTION_THEMES)[number];
export const INSPECTION_THEME_NAMES: Record<InspectionTheme, string> = {
  local_services: 'Local services',
  justice_community_safety: 'Justice and community safety',
  adult_social_care_health: 'Adult social care and health',
  children_education_skills: 'Children’s services, education and skills',
};

/** How soon and how widely each band is inspected. */
export interface ScheduleRule {
  withinMonths: number;
  /** all themes; the flagged themes; or none (reliance on self-assessment) */
  coverage: 'all_themes' | 'flagged_themes' | 'self_assessment_only';
}
export const DEFAULT_SCHEDULE: Record<RiskBand, ScheduleRule> = {
  high: { withinMonths: 6, coverage: 'all_themes' },
  medium: { withinMonths: 12, coverage: 'flagged_themes' },
  low: { withinMonths: 36, coverage: 'self_assessment_only' },
};

export interface ScheduledInspection {
  bodyId: string;
  bodyName: string;
  score: number;
  band: RiskBand;
  /** ISO date */
  dueBy: string;
  coverage: ScheduleRule['coverage'];
  themes: InspectionTheme[];
  /** in words, why this date and these themes */
  reason: string;
}

export const SELF_ASSESSMENT_GRADES = [
  'performing_strongly',
  'performing_well',
  'performing_adequately',
  'performing_poorly',
] as const;
export type SelfAssessmentGrade = (typeof SELF_ASSESSMENT_GRADES)[number];
export const SELF_ASSESSMENT_STATES = ['filed', 'agreed', 'challenged'] as const;
export type SelfAssessmentState = (typeof SELF_ASSESSMENT_STATES)[number];

export interface SelfAssessment {
  id: number;
  bodyId: string;
  theme: InspectionTheme;
  grade: SelfAssessmentGrade;
  summary: string;
  evidence: string;
  state: SelfAssessmentState;
  filedAt: string;
  filedBy: string;
  /** the assessor's words when agreeing or challenging */
  response: string | null;
  respondedAt: string | null;
  respondedBy: string | null;
}

// --- improvement partnerships and peer review -----------------------------------------------------

export interface Partnership {
  /** a slug, e.g. `greater-manchester-improvement` */
  id: string;
  name: string;
  description: string;
  formedOn: string;
  memberBodyIds: string[];
  createdAt: string;
}

export interface PeerReview {
  id: number;
  partnershipId: string | null;
  reviewedBodyId: string;
  reviewerBodyIds: string[];
  /** ISO date */
  reviewedOn: string;
  scope: string;
  findings: string;
  recommendations: string;
  followUp: string | null;
  /** cases (at rung 2) the review is linked to */
  caseIds: number[];
  createdAt: string;
  createdBy: string;
}
