/** What the cases part adds to the module's vocabulary: runs of the engine, sources, listings and detail. */
import type { Clock } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import type {
  Case,
  CaseAction,
  CaseEvent,
  CouncilFacts,
  FiringRecord,
  RecoveryCheck,
  Rung,
  SeriesPoint,
  TriggerFiring,
  TriggerRuleVersion,
} from '../improvement.types.ts';

/** What a trigger source is given on each run. */
export interface TriggerSourceContext {
  clock: Clock;
  facts: CouncilFacts[];
  /** every stored rule version (the source picks those in force for each subject) */
  rules: TriggerRuleVersion[];
}

/**
 * A source of firings: the built-in indicator rules, and later residents' calls for action or
 * neighbourhood contract breaches. The engine asks each for its firings and, for each open case it
 * fired into, whether the case has recovered.
 */
export interface TriggerSource {
  id: string;
  name: string;
  fire(db: Executor, ctx: TriggerSourceContext): Promise<TriggerFiring[]>;
  /** null: the source cannot tell (the case stays open) */
  recovery(db: Executor, c: Case, ctx: TriggerSourceContext): Promise<RecoveryCheck | null>;
}

/** What one run of the engine did. */
export interface TriggerRun {
  firingsRecorded: number;
  casesOpened: number[];
  casesAddedTo: number[];
  casesRecovered: number[];
  riskProfilesChanged: number;
}

/** A case with the names a list shows. */
export type CaseListing = Case & {
  bodyName: string;
  areaName: string;
  indicatorTitle: string | null;
  /** the newest firing's sentence */
  latestSummary: string;
  firingCount: number;
};

export interface CaseDetail {
  case: CaseListing;
  /** oldest first */
  events: CaseEvent[];
  /** oldest first */
  firings: FiringRecord[];
  /** the case's indicator for its area, oldest first (empty without an indicator) */
  series: SeriesPoint[];
  /** the comparator group's median for each period of the series */
  comparatorMedians: { period: string; median: number }[];
  /** the group the medians are of */
  comparatorGroup: { id: string; name: string } | null;
  peerReviews: { id: number; reviewedOn: string; scope: string; partnershipId: string | null }[];
  /** what the transition table allows from here */
  nextActions: CaseAction[];
}

export interface CaseListPage {
  cases: CaseListing[];
  total: number;
  page: number;
  pageSize: number;
}

/** Days each rung gives, with where each number comes from. */
export type RungDeadlines = Record<Rung, number>;
