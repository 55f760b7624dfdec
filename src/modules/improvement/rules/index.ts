/**
 * The rules part of the improvement module: pure functions of their arguments (the time is passed in).
 * Trigger rules and their configuration, case transitions, the risk score, inspection themes and the
 * inspection schedule.
 */
export { evaluateRule, clearPeriods } from './triggers.ts';
export { DEFAULT_RULES, DEFAULT_PARAMS, checkParams, ruleInForce, scopesFor } from './config.ts';
export type { DefaultRule, ParamsCheck } from './config.ts';
export { PARAM_FIELDS, COMPARATOR_CHOICES, COMPARATOR_NAMES, describeParams } from './params.ts';
export type { ParamField } from './params.ts';
export { CASE_TRANSITIONS, MAX_TEXT_LENGTH, STATE_SUBJECT, isOpenState } from './transitions.ts';
export type { CaseTransition, RequiredField } from './transitions.ts';
export { transition, allowedActions } from './transition.ts';
export { improvedSince } from './improvement.ts';
export { DEFAULT_RISK_MODEL, riskInputsOf, riskScore } from './risk.ts';
export { inspectionThemeOf, flaggedThemesOf } from './themes.ts';
export { scheduleInspection, orderSchedule } from './schedule.ts';
export { dateWords, periodWords, valueWords, differenceWords } from './words.ts';
