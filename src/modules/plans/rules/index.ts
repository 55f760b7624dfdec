/** The pure rules of plans: trajectory, status judgement, forecast, roll-up and action status. */
export { trajectoryPoints, expectedAt } from './trajectory.ts';
export type { TrajectoryInput, TrajectoryPoint } from './trajectory.ts';
export { judgeStatus, statusProblems, toleranceAmount } from './status.ts';
export type { JudgeStatusInput, StatusWording } from './status.ts';
export { forecastTo, FORECAST_POINTS } from './forecast.ts';
export type { ForecastInput } from './forecast.ts';
export { actionStatus, rollUp, rollUpCounts, worstFirst, emptyCounts } from './rollup.ts';
export type { ActionStatus } from './rollup.ts';
export { trajectoryProblems, toleranceProblems, actualsProblems, valueProblems } from './checks.ts';
export { describeValue, meets, plainNumber } from './values.ts';
export type { ValueFormat } from './values.ts';
