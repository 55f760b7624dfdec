/**
 * The published risk formula in words, with the weights of a model version: what every score on the
 * risk pages was worked out with ("disclose the criteria used for judgement").
 */
import {
  RISK_COMPONENT_NAMES,
  RISK_COMPONENTS,
  type RiskComponentKey,
  type RiskModel,
  RUNGS,
} from '../../../improvement.types.ts';
import { dateInWords } from './dates.ts';

export interface FormulaView {
  versionText: string;
  reason: string | null;
  intro: string;
  weights: { key: RiskComponentKey; name: string; weight: number; maxPoints: string }[];
  totalWeight: number;
  casesText: string;
  bandsText: string;
  nothingToJudgeText: string;
}

const points = (n: number) => {
  const rounded = Math.round(n * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function formulaView(model: RiskModel): FormulaView {
  const totalWeight = RISK_COMPONENTS.reduce((sum, key) => sum + model.weights[key], 0);
  const scale = totalWeight > 0 ? 100 / totalWeight : 0;
  const perRung = RUNGS.map((r) => `${plural(model.casePoints[r], 'point', 'points')} for a case on rung ${r}`);
  return {
    versionText: `Risk model version ${model.version}, in force since ${dateInWords(model.createdAt)}.`,
    reason: model.reason,
    intro:
      'A council’s score is the sum of the points of its components. Each component has a share from 0 to 1 (how much of what it judges is wrong) and a weight; its points are its share times its weight, scaled so that the weights together make 100.',
    weights: RISK_COMPONENTS.map((key) => ({
      key,
      name: RISK_COMPONENT_NAMES[key],
      weight: model.weights[key],
      maxPoints: points(model.weights[key] * scale),
    })),
    totalWeight,
    casesText: `Open cases count ${perRung.join(', ')}; ${plural(model.casePointsForFullShare, 'point makes', 'points make')} a full share.`,
    bandsText: `A score of ${model.bands.high} or more is high risk, ${model.bands.medium} or more medium risk, and below ${model.bands.medium} low risk.`,
    nothingToJudgeText:
      'A component with nothing to judge (no targets judged, say, or no calls for action collected yet) adds no points, and its row says so.',
  };
}
