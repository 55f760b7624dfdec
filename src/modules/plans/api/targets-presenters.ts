/** A plan's targets as a table (JSON and CSV): status, values, owners, coverage, national priority and stretch reward. */
import { z } from 'zod';
import type { CsvColumn } from '../../../platform/http/csv.ts';
import { listEnvelope } from '../../../platform/http/pagination.ts';
import type { LaaTargetRow } from '../laa-report.service.ts';
import { STATUS_NAMES } from '../plans.types.ts';
import { namedSchema } from './plan-presenters.ts';
import {
  itemRefSchema,
  nationalPrioritySchema,
  planSchema,
  presentNationalPriority,
  presentRef,
  presentTargetFields,
  targetFieldsSchema,
  targetValueText,
  versionSchema,
} from './presenters.ts';
import {
  assessmentSchema,
  countsSchema,
  forecastSchema,
  presentAssessment,
  presentForecast,
  statusSchema,
} from './status-presenters.ts';

const areaSchema = z.object({ code: z.string(), name: z.string() });
const keyTitleSchema = z.object({ key: z.string(), title: z.string() });

export const targetRowSchema = z.object({
  ref: itemRefSchema,
  title: z.string(),
  indicatorTitle: z.string(),
  theme: keyTitleSchema.nullable(),
  outcome: keyTitleSchema.nullable().describe('the priority (an agreement’s outcome) the target sits under'),
  target: targetFieldsSchema,
  status: statusSchema,
  statusName: z.string(),
  assessment: assessmentSchema.nullable(),
  forecast: forecastSchema.nullable(),
  owner: namedSchema,
  area: areaSchema,
  coverage: z.array(areaSchema).describe('the sub-areas covered; empty when the whole area'),
  nationalPriority: nationalPrioritySchema.nullable(),
  rewardAtStake: z.number().describe('a stretch target’s reward while it is not met, else 0 (pounds)'),
});

export function presentTargetRow(planId: string) {
  return (r: LaaTargetRow): z.infer<typeof targetRowSchema> => ({
    ref: presentRef({ planId, key: r.target.key }, 'target'),
    title: r.target.title,
    indicatorTitle: r.indicatorTitle,
    theme: r.theme && { ...r.theme },
    outcome: r.outcome && { ...r.outcome },
    target: presentTargetFields(r.target),
    status: r.status,
    statusName: STATUS_NAMES[r.status],
    assessment: r.assessment && presentAssessment(r.assessment),
    forecast: r.forecast && presentForecast(r.forecast),
    owner: { ...r.owner },
    area: { ...r.area },
    coverage: r.coverage.map((c) => ({ ...c })),
    nationalPriority: r.nationalPriority && presentNationalPriority(r.nationalPriority),
    rewardAtStake: r.rewardAtStake,
  });
}

export const stretchSummarySchema = z.object({
  targets: z.number().int(),
  met: z.number().int(),
  rewardTotal: z.number().describe('pounds'),
  rewardAtStake: z.number().describe('the rewards of the stretch targets not yet met (pounds)'),
});

/** One row per target, in plan order: what the printed report holds. */
export const targetRowCsv: CsvColumn<LaaTargetRow>[] = [
  { header: 'key', value: (r) => r.target.key },
  { header: 'title', value: (r) => r.target.title },
  { header: 'theme', value: (r) => r.theme?.title },
  { header: 'outcome', value: (r) => r.outcome?.title },
  { header: 'target_kind', value: (r) => r.target.targetKind },
  { header: 'national_priority', value: (r) => r.nationalPriority?.code },
  { header: 'indicator', value: (r) => r.target.indicatorCode },
  { header: 'indicator_title', value: (r) => r.indicatorTitle },
  { header: 'area', value: (r) => r.area.code },
  { header: 'area_name', value: (r) => r.area.name },
  { header: 'coverage', value: (r) => r.coverage.map((c) => c.code).join(' ') },
  { header: 'measure', value: (r) => r.target.measure },
  { header: 'direction', value: (r) => r.target.direction },
  { header: 'baseline_period', value: (r) => r.target.baseline?.period },
  { header: 'baseline_value', value: (r) => r.target.baseline?.value },
  { header: 'target_period', value: (r) => r.target.target.period },
  { header: 'target_value', value: (r) => targetValueText(r.target.target.value) },
  { header: 'status', value: (r) => r.status },
  { header: 'status_reason', value: (r) => r.assessment?.reason },
  { header: 'latest_period', value: (r) => r.assessment?.period },
  { header: 'latest_value', value: (r) => r.assessment?.actual },
  { header: 'rule_version', value: (r) => r.assessment?.ruleVersion },
  { header: 'tolerance', value: (r) => r.assessment?.tolerance },
  { header: 'tolerance_kind', value: (r) => r.assessment?.toleranceKind },
  { header: 'forecast_value', value: (r) => r.forecast?.value },
  { header: 'forecast_low', value: (r) => r.forecast?.low },
  { header: 'forecast_high', value: (r) => r.forecast?.high },
  { header: 'forecast_uncertain', value: (r) => r.forecast?.uncertain },
  { header: 'owner', value: (r) => r.owner.id },
  { header: 'owner_name', value: (r) => r.owner.name },
  { header: 'lead', value: (r) => r.target.leadPerson },
  { header: 'stretch_reward_gbp', value: (r) => r.stretch?.amountGbp },
  { header: 'reward_at_stake_gbp', value: (r) => r.rewardAtStake },
];

/** The table with the plan it is of, its roll-up and its stretch targets' rewards. */
export const targetsSchema = listEnvelope(targetRowSchema).extend({
  plan: planSchema.extend({ owner: namedSchema }),
  version: versionSchema,
  on: z.string(),
  status: statusSchema.describe('the worst status of the targets'),
  statusName: z.string(),
  counts: countsSchema,
  stretch: stretchSummarySchema,
});
