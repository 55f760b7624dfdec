/**
 * plans: community strategies, Local Area Agreements and service plans, their versions, themes,
 * priorities, targets and actions, the golden thread that joins them, and target statuses judged from
 * the published figures (tables plan, plan_version, plan_item, plan_target, plan_action,
 * plan_item_link, national_priority, status_rule, target_assessment, action_update).
 * See docs/adr/0018-plans-and-the-golden-thread.md and README.md.
 */
export * from './plans.types.ts';
// reading
export type { VersionChoice } from './versions.ts';
export { inForceOn } from './versions.ts';
export type { PlanAccess } from './plan-access.ts';
export {
  getPlan,
  listNationalPriorities,
  listPlans,
  type NamedBody,
  type PlanListing,
  type PlanListQuery,
  type PlanView,
} from './plan-read.service.ts';
export {
  goldenThread,
  MAX_CHAINS,
  threadForIndicator,
  threadUpFrom,
  type GoldenThread,
  type IndicatorTarget,
  type ThreadChain,
  type ThreadStep,
  type ThreadUp,
} from './thread.service.ts';
export { MAX_THREAD_NODES } from './thread-tree.ts';
export { actionDetail, targetDetail, type ActionDetail, type LinkedItem, type TargetDetail } from './item-detail.service.ts';
export type { MeasuredFigure } from './measure.service.ts';
export { laaReport, planTargets, type LaaReport, type LaaTargetRow } from './laa-report.service.ts';
export { ruleInForce } from './status-rules.ts';
// the pure rules, for pages that draw trajectories and word values
export {
  describeValue,
  expectedAt,
  plainNumber,
  trajectoryPoints,
  type TrajectoryPoint,
  type ValueFormat,
} from './rules/index.ts';
// writing
export { importPlans, type PlanImportOptions, type PlanImportReport, type PlanImportResult } from './plan-import.service.ts';
export type { PlanImportOutcome } from './plan-apply.ts';
export { createPlan, putItem, removeItem, updateDraft, type DraftChanges, type PlanWritten } from './plan-write.service.ts';
export { publishDraft, reviseDraft } from './plan-publish.service.ts';
export { changeStatusRule, type StatusRuleChange } from './status-rule.service.ts';
export { reportActionProgress, type ProgressInput } from './action-progress.service.ts';
export { assessTargets, type AssessmentRun } from './assess.service.ts';
export { AssessmentRunner } from './assessment-runner.ts';
export { judgedTargets, type JudgedTarget } from './target-judgements.service.ts';
export type { ItemInput, PlanInput } from './plan-input.ts';
export { DEFAULT_TOLERANCE } from './plan-input.ts';
export { PLAN_CSV_COLUMNS } from './plan-file.ts';
export { exportPlan, type PlanExport, type PlanExportFormat } from './plan-export.service.ts';
// the JSON API
export { plansApi } from './api/routes.ts';
// the pages (web/), composed in src/main/app.ts
export { PLANS_VIEWS, planPages } from './web/routes.ts';
export type { PlanPagesDeps } from './web/deps.ts';
export { planUrls } from './web/urls.ts';
