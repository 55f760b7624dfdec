/** Risk profiles and the published model they are scored by, as JSON and CSV. */
import { z } from 'zod';
import type { CsvColumn } from '../../../platform/http/csv.ts';
import {
  INSPECTION_THEME_NAMES,
  INSPECTION_THEMES,
  RISK_BANDS,
  RISK_COMPONENT_NAMES,
  RISK_COMPONENTS,
  RUNGS,
  type RiskComponentKey,
  type RiskModel,
} from '../improvement.types.ts';
import type { RiskProfileListing } from '../assurance/index.ts';
import { improvementLinks, improvementPages } from './links.ts';

const bandSchema = z.enum(RISK_BANDS);

export const FORMULA =
  'Each component’s share (0 to 1: off-track targets of those judged, bottom-quartile indicators of those compared, ' +
  'worsening indicators of those with a trend, late or missing figures of those due, open-case points of a full share) ' +
  'times its weight, scaled so that the weights’ total gives 100. A component with nothing to judge adds nothing. ' +
  'The band is high at or above the high threshold, medium at or above the medium one, else low.';

export const riskModelSchema = z.object({
  version: z.number().int(),
  formula: z.string(),
  weights: z.array(z.object({ component: z.enum(RISK_COMPONENTS), name: z.string(), weight: z.number() })),
  casePoints: z
    .array(z.object({ rung: z.number().int(), points: z.number() }))
    .describe('points each open case on a rung counts for'),
  casePointsForFullShare: z.number(),
  bands: z.object({ high: z.number(), medium: z.number() }).describe('the scores (0–100) at which each band starts'),
  createdAt: z.string(),
  createdBy: z.string(),
  reason: z.string().nullable(),
});
export const presentRiskModel = (m: RiskModel): z.infer<typeof riskModelSchema> => ({
  version: m.version,
  formula: FORMULA,
  weights: RISK_COMPONENTS.map((c) => ({ component: c, name: RISK_COMPONENT_NAMES[c], weight: m.weights[c] })),
  casePoints: RUNGS.map((rung) => ({ rung, points: m.casePoints[rung] })),
  casePointsForFullShare: m.casePointsForFullShare,
  bands: { high: m.bands.high, medium: m.bands.medium },
  createdAt: m.createdAt,
  createdBy: m.createdBy,
  reason: m.reason,
});

const componentSchema = z.object({
  component: z.enum(RISK_COMPONENTS),
  name: z.string(),
  share: z.number().nullable().describe('0–1; null when there is nothing to judge (it then adds nothing)'),
  weight: z.number(),
  points: z.number(),
  explanation: z.string(),
});

const inputsSchema = z.object({
  targetsJudged: z.number().int(),
  targetsOffTrack: z.number().int(),
  indicatorsCompared: z.number().int(),
  indicatorsBottomQuartile: z.number().int(),
  indicatorsWithTrend: z.number().int(),
  indicatorsWorsening: z.number().int(),
  figuresDue: z.number().int(),
  figuresLateOrMissing: z.number().int(),
  openCasesByRung: z.array(z.object({ rung: z.number().int(), cases: z.number().int() })),
  callsForAction: z.number().int().nullable().describe('null until residents’ calls for action are collected'),
});

export const themeSchema = z.object({ theme: z.enum(INSPECTION_THEMES), name: z.string() });
export const presentTheme = (theme: (typeof INSPECTION_THEMES)[number]) => ({ theme, name: INSPECTION_THEME_NAMES[theme] });

export const riskProfileSchema = z.object({
  body: z.object({ id: z.string(), name: z.string() }),
  area: z.object({ code: z.string(), name: z.string() }),
  score: z.number().describe('0–100'),
  band: bandSchema,
  modelVersion: z.number().int(),
  computedAt: z.string(),
  components: z.array(componentSchema).describe('the breakdown: how each component adds to the score'),
  inputs: inputsSchema.describe('the counts the score is made from'),
  flaggedThemes: z.array(themeSchema).describe('inspection themes where something is wrong'),
  links: z.object({ self: z.string(), html: z.string(), cases: z.string() }),
});

export function presentRiskProfile(p: RiskProfileListing): z.infer<typeof riskProfileSchema> {
  const { inputs } = p;
  return {
    body: { id: p.bodyId, name: p.bodyName },
    area: { code: p.areaCode, name: p.areaName },
    score: p.score,
    band: p.band,
    modelVersion: p.modelVersion,
    computedAt: p.computedAt,
    components: p.components.map((c) => ({
      component: c.key,
      name: RISK_COMPONENT_NAMES[c.key],
      share: c.share,
      weight: c.weight,
      points: c.points,
      explanation: c.explanation,
    })),
    inputs: {
      targetsJudged: inputs.targetsJudged,
      targetsOffTrack: inputs.targetsOffTrack,
      indicatorsCompared: inputs.indicatorsCompared,
      indicatorsBottomQuartile: inputs.indicatorsBottomQuartile,
      indicatorsWithTrend: inputs.indicatorsWithTrend,
      indicatorsWorsening: inputs.indicatorsWorsening,
      figuresDue: inputs.figuresDue,
      figuresLateOrMissing: inputs.figuresLateOrMissing,
      openCasesByRung: RUNGS.map((rung) => ({ rung, cases: inputs.openCasesByRung[rung] })),
      callsForAction: inputs.callsForAction,
    },
    flaggedThemes: p.flaggedThemes.map(presentTheme),
    links: {
      self: improvementLinks.riskOf(p.bodyId),
      html: improvementPages.risk(p.bodyId),
      cases: `${improvementLinks.cases()}?body=${encodeURIComponent(p.bodyId)}&status=open`,
    },
  };
}

export const riskHistorySchema = z.array(
  z.object({ computedAt: z.string(), score: z.number(), band: bandSchema, modelVersion: z.number().int() }),
);

const pointsOf = (p: RiskProfileListing, key: RiskComponentKey) => p.components.find((c) => c.key === key)?.points ?? null;

export const riskProfileCsv: readonly CsvColumn<RiskProfileListing>[] = [
  { header: 'body', value: (p) => p.bodyId },
  { header: 'body_name', value: (p) => p.bodyName },
  { header: 'area', value: (p) => p.areaCode },
  { header: 'area_name', value: (p) => p.areaName },
  { header: 'score', value: (p) => p.score },
  { header: 'band', value: (p) => p.band },
  { header: 'model_version', value: (p) => p.modelVersion },
  { header: 'computed_at', value: (p) => p.computedAt },
  ...RISK_COMPONENTS.map((key) => ({ header: `${key}_points`, value: (p: RiskProfileListing) => pointsOf(p, key) })),
];
