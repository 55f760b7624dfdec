/**
 * A council's risk score: a published formula. Each component's share (0–1) times its weight, scaled so
 * that the weights' total gives 100; the score is the sum of the points shown, so a reader can add them
 * up. A component with nothing to judge (no targets judged, no figures due…) adds nothing and says so;
 * the other weights are not scaled up to make up for it, so a council is not scored harder for
 * publishing less.
 */
import {
  RISK_COMPONENTS,
  RUNGS,
  type CouncilFacts,
  type InspectionTheme,
  type RiskBand,
  type RiskBreakdown,
  type RiskComponent,
  type RiskComponentKey,
  type RiskInputs,
  type RiskModel,
  type Rung,
} from '../improvement.types.ts';
import { deadlineStanding, indicatorStanding, targetStanding } from './standing.ts';
import { plural } from './words.ts';

/** What the score reads from a model version. */
export type RiskModelSettings = Pick<RiskModel, 'weights' | 'casePoints' | 'casePointsForFullShare' | 'bands'>;

/**
 * The first model. Targets off track and open cases weigh most (25 each): they are the council's own
 * promises missed and the problems already found. Being in the bottom quartile (20) is a comparison
 * with similar councils; worsening (15) can be noise in a single year; late or missing figures (15) say
 * the council cannot show how it performs. Calls for action weigh nothing until they are collected.
 * Open cases: a point per case on rung 1, two on rung 2, three on rung 3; six points is the full share
 * (say two cases in central government's hands). A score of 40 or more is high risk — e.g. half the
 * targets off track, a third of indicators in the bottom quartile and two cases open — and 20 or more
 * medium: roughly one component in full or several in part.
 */
export const DEFAULT_RISK_MODEL: RiskModelSettings = {
  weights: {
    off_target: 25,
    bottom_quartile: 20,
    worsening: 15,
    data_quality: 15,
    open_cases: 25,
    calls_for_action: 0,
  },
  casePoints: { 1: 1, 2: 2, 3: 3 },
  casePointsForFullShare: 6,
  bands: { high: 40, medium: 20 },
};

/** The counts a council's score is made from, at `now` (for the figures already due). */
export function riskInputsOf(council: CouncilFacts, openCasesByRung: Record<Rung, number>, now: Date): RiskInputs {
  const targets = council.targets.map(targetStanding);
  const indicators = council.indicators.map(indicatorStanding);
  const deadlines = council.deadlines.map((d) => deadlineStanding(d, now));
  return {
    targetsJudged: targets.filter((t) => t.judged).length,
    targetsOffTrack: targets.filter((t) => t.offTrack).length,
    indicatorsCompared: indicators.filter((i) => i.compared).length,
    indicatorsBottomQuartile: indicators.filter((i) => i.bottomQuartile).length,
    indicatorsWithTrend: indicators.filter((i) => i.withTrend).length,
    indicatorsWorsening: indicators.filter((i) => i.worsening).length,
    figuresDue: deadlines.filter((d) => d.due).length,
    figuresLateOrMissing: deadlines.filter((d) => d.lateOrMissing).length,
    openCasesByRung: { 1: openCasesByRung[1] ?? 0, 2: openCasesByRung[2] ?? 0, 3: openCasesByRung[3] ?? 0 },
    callsForAction: null,
  };
}

const NOTHING = 'nothing to judge: adds nothing';

interface Share {
  share: number | null;
  explanation: string;
}

function ratio(part: number, whole: number, what: string, noneWords: string): Share {
  if (whole <= 0) return { share: null, explanation: `${noneWords}: ${NOTHING}` };
  return { share: part / whole, explanation: `${part} of ${whole} ${what}` };
}

function openCasesShare(inputs: RiskInputs, model: RiskModelSettings): Share {
  const byRung = RUNGS.filter((r) => inputs.openCasesByRung[r] > 0);
  const count = RUNGS.reduce((n, r) => n + inputs.openCasesByRung[r], 0);
  if (count === 0) return { share: 0, explanation: 'no open cases' };
  const points = RUNGS.reduce((n, r) => n + inputs.openCasesByRung[r] * model.casePoints[r], 0);
  const full = model.casePointsForFullShare;
  const share = full > 0 ? Math.min(1, points / full) : 1;
  const where = byRung.map((r) => `${inputs.openCasesByRung[r]} on rung ${r}`).join(', ');
  return {
    share,
    explanation: `${plural(count, 'open case')} (${where}): ${plural(points, 'point')} of the ${full} that make a full share`,
  };
}

function shareOf(key: RiskComponentKey, inputs: RiskInputs, model: RiskModelSettings): Share {
  switch (key) {
    case 'off_target':
      return ratio(inputs.targetsOffTrack, inputs.targetsJudged, 'targets off track', 'no targets judged');
    case 'bottom_quartile':
      return ratio(
        inputs.indicatorsBottomQuartile,
        inputs.indicatorsCompared,
        'indicators in the bottom quartile of their comparators',
        'no indicators compared with comparators',
      );
    case 'worsening':
      return ratio(
        inputs.indicatorsWorsening,
        inputs.indicatorsWithTrend,
        'indicators worse than the period before',
        'no indicators with figures for two periods in a row',
      );
    case 'data_quality':
      return ratio(inputs.figuresLateOrMissing, inputs.figuresDue, 'figures due were late or are missing', 'no figures due yet');
    case 'open_cases':
      return openCasesShare(inputs, model);
    case 'calls_for_action':
      // until the model says how many calls make a full share, any open call for action is one
      return inputs.callsForAction === null
        ? { share: null, explanation: `calls for action are not collected yet: ${NOTHING}` }
        : {
            share: inputs.callsForAction > 0 ? 1 : 0,
            explanation: `${plural(inputs.callsForAction, 'call')} for action`,
          };
  }
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

export function bandOf(score: number, bands: RiskModelSettings['bands']): RiskBand {
  return score >= bands.high ? 'high' : score >= bands.medium ? 'medium' : 'low';
}

/**
 * The score (0–100, one decimal place), its band, and each component's share, weight, points and
 * explanation in words.
 */
export function riskScore(
  inputs: RiskInputs,
  model: RiskModelSettings & { version: number },
  flaggedThemes: InspectionTheme[] = [],
): RiskBreakdown {
  const total = RISK_COMPONENTS.reduce((n, key) => n + model.weights[key], 0);
  const components: RiskComponent[] = RISK_COMPONENTS.map((key) => {
    const { share, explanation } = shareOf(key, inputs, model);
    const weight = model.weights[key];
    const points = share === null || total <= 0 ? 0 : round1((share * weight * 100) / total);
    return { key, share, weight, points, explanation };
  });
  const score = round1(components.reduce((n, c) => n + c.points, 0));
  return { score, band: bandOf(score, model.bands), modelVersion: model.version, components, flaggedThemes };
}
