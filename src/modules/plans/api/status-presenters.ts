/** Statuses, the rules they were judged by, forecasts and action progress as JSON. */
import { z } from 'zod';
import {
  ACTION_STATES,
  STATUS_NAMES,
  STATUSES,
  type ActionUpdate,
  type Forecast,
  type StatusCounts,
  type StatusRule,
  type TargetAssessment,
} from '../plans.types.ts';
import { periodSchema, presentPeriodKey, presentTargetValue, targetValueSchema } from './presenters.ts';

export const statusSchema = z.enum(STATUSES);

export const countsSchema = z.object({
  on_track: z.number().int(),
  at_risk: z.number().int(),
  off_track: z.number().int(),
  no_data: z.number().int(),
});
export const presentCounts = (c: StatusCounts): z.infer<typeof countsSchema> => ({
  on_track: c.on_track,
  at_risk: c.at_risk,
  off_track: c.off_track,
  no_data: c.no_data,
});

const toleranceKindSchema = z.enum(['absolute', 'percent']);

export const assessmentSchema = z.object({
  status: statusSchema,
  statusName: z.string(),
  reason: z.string().describe('the judgement in one sentence'),
  period: periodSchema.nullable().describe('the latest period with a figure; null when there is none'),
  actual: z.number().nullable(),
  expected: targetValueSchema.nullable().describe('the trajectory’s value for that period'),
  targetMet: z.boolean(),
  planVersionId: z.number().int().describe('the plan version judged (its id, as the versions list gives it)'),
  rule: z.object({
    version: z.number().int(),
    tolerance: z.number(),
    toleranceKind: toleranceKindSchema,
  }),
  assessedAt: z.string(),
});
export const presentAssessment = (a: TargetAssessment): z.infer<typeof assessmentSchema> => ({
  status: a.status,
  statusName: STATUS_NAMES[a.status],
  reason: a.reason,
  period: a.period === null ? null : presentPeriodKey(a.period),
  actual: a.actual,
  expected: a.expected === null ? null : presentTargetValue(a.expected),
  targetMet: a.targetMet,
  planVersionId: a.planVersionId,
  rule: { version: a.ruleVersion, tolerance: a.tolerance, toleranceKind: a.toleranceKind },
  assessedAt: a.assessedAt,
});

export const forecastSchema = z.object({
  method: z.enum(['linear_trend', 'none']).describe('linear_trend: a least-squares line through the last figures (up to 5)'),
  explanation: z.string(),
  period: periodSchema.describe('the target period'),
  value: z.number().nullable(),
  low: z.number().nullable().describe('80% prediction interval; null with fewer than 3 figures'),
  high: z.number().nullable(),
  pointsUsed: z.number().int(),
  uncertain: z.boolean().describe('too few figures, or too noisy, to rely on'),
  meetsTarget: z.boolean().nullable(),
});
export const presentForecast = (f: Forecast): z.infer<typeof forecastSchema> => ({
  method: f.method,
  explanation: f.explanation,
  period: presentPeriodKey(f.period),
  value: f.value,
  low: f.low,
  high: f.high,
  pointsUsed: f.pointsUsed,
  uncertain: f.uncertain,
  meetsTarget: f.meetsTarget,
});

export const ruleSchema = z.object({
  version: z.number().int(),
  tolerance: z.number(),
  toleranceKind: toleranceKindSchema.describe('absolute: in the indicator’s units; percent: of the expected value'),
  inForceFrom: z.string(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export const presentRule = (r: StatusRule): z.infer<typeof ruleSchema> => ({
  version: r.version,
  tolerance: r.tolerance,
  toleranceKind: r.toleranceKind,
  inForceFrom: r.inForceFrom,
  reason: r.reason,
  createdAt: r.createdAt,
});

export const actionUpdateSchema = z.object({
  progress: z.number().describe('per cent complete, 0–100'),
  state: z.enum(ACTION_STATES),
  note: z.string().nullable(),
  asOf: z.string().describe('YYYY-MM-DD the report is about'),
  createdAt: z.string(),
});
export const presentActionUpdate = (u: ActionUpdate): z.infer<typeof actionUpdateSchema> => ({
  progress: u.progress,
  state: u.state,
  note: u.note,
  asOf: u.asOf,
  createdAt: u.createdAt,
});
