/** The cases part of the improvement module: what it offers the rest of the module and the app. */
export type {
  CaseDetail,
  CaseListing,
  CaseListPage,
  RungDeadlines,
  TriggerRun,
  TriggerSource,
  TriggerSourceContext,
} from './cases.types.ts';
// reading cases
export { DEFAULT_CASE_PAGE_SIZE, getCase, listCases, MAX_CASE_PAGE_SIZE } from './case-read.service.ts';
// the facts the rules and the risk profile read
export { gatherCouncilFacts, listCouncils, type Council } from './facts.service.ts';
// trigger rules and the engine
export {
  addRuleVersion,
  DEFAULT_RULES_AUTHOR,
  listRuleVersions,
  rulesInForce,
  storeDefaultRules,
  type RuleVersionInput,
} from './rule-versions.service.ts';
export { BUILT_IN_SOURCES, fingerprintOf, INDICATOR_RULES, indicatorRulesSource } from './indicator-rules.source.ts';
export { runTriggers, TRIGGER_ACTOR } from './trigger-engine.service.ts';
export { triggersAfterWrites, type TriggersAfterWrites } from './after-writes.ts';
// acting on cases, deadlines
export { actOnCase, escalateOverdue, MAX_CASE_TEXT } from './case-act.service.ts';
export {
  listRungDeadlineSettings,
  MAX_RUNG_DAYS,
  rungDeadlines,
  setRungDeadline,
  type RungDeadlineInput,
  type RungDeadlineSetting,
} from './rung-deadlines.service.ts';
