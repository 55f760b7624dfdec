/**
 * A council's risk page (GET /risk/:bodyId): its score and band, each component with its share,
 * weight, points and explanation, the counts it was worked out from, the flagged themes, its open
 * cases by rung, its place in the inspection schedule, its self-assessments and its score history.
 */
import {
  RISK_COMPONENT_NAMES,
  type RiskBand,
  type RiskInputs,
  type RiskModel,
  type RiskProfile,
  RUNG_NAMES,
  RUNGS,
  type ScheduledInspection,
  type SelfAssessment,
} from '../../../improvement.types.ts';
import { dateInWords, instantInWords } from '../assurance-common/dates.ts';
import { formulaView, type FormulaView } from '../assurance-common/formula.ts';
import {
  bandTag,
  COVERAGE_NAMES,
  GRADE_NAMES,
  scoreText,
  selfAssessmentStateTag,
  type Tag,
  themeName,
  themesInWords,
} from '../assurance-common/words.ts';
import { assuranceUrls } from '../urls.ts';

export type ProfileWithHistory = RiskProfile & {
  history: { computedAt: string; score: number; band: RiskBand; modelVersion: number }[];
};

export interface RiskCouncilView {
  pageTitle: string;
  bodyName: string;
  score: string;
  bandTag: Tag;
  summary: string;
  components: { name: string; share: string; weight: string; points: string; explanation: string }[];
  totalPoints: string;
  inputs: { name: string; value: string }[];
  flaggedThemes: string;
  openCases: { rung: string; count: number }[];
  openCasesTotal: number;
  casesHref: string;
  inspection: { dueBy: string; coverage: string; themes: string; reason: string } | null;
  selfAssessments: { href: string; theme: string; grade: string; stateTag: Tag; filedOn: string }[];
  newSelfAssessmentHref: string | null;
  history: { computedAt: string; score: string; bandTag: Tag; modelVersion: number }[];
  formula: FormulaView | null;
  modelNote: string | null;
  backHref: string;
  apiHref: string;
}

const percent = (share: number | null) => (share === null ? 'Nothing to judge' : `${Math.round(share * 1000) / 10}%`);

const of = (part: number, whole: number, what: string) => `${part} of ${whole} ${what}`;

/** The counts the score was worked out from, in words. */
export function inputsInWords(inputs: RiskInputs): { name: string; value: string }[] {
  const cases = RUNGS.map((r) => `${inputs.openCasesByRung[r]} on rung ${r}`).join(', ');
  return [
    { name: RISK_COMPONENT_NAMES.off_target, value: of(inputs.targetsOffTrack, inputs.targetsJudged, 'targets judged') },
    {
      name: RISK_COMPONENT_NAMES.bottom_quartile,
      value: of(inputs.indicatorsBottomQuartile, inputs.indicatorsCompared, 'indicators compared'),
    },
    {
      name: RISK_COMPONENT_NAMES.worsening,
      value: of(inputs.indicatorsWorsening, inputs.indicatorsWithTrend, 'indicators with a trend'),
    },
    { name: RISK_COMPONENT_NAMES.data_quality, value: of(inputs.figuresLateOrMissing, inputs.figuresDue, 'figures due') },
    { name: RISK_COMPONENT_NAMES.open_cases, value: cases },
    {
      name: RISK_COMPONENT_NAMES.calls_for_action,
      value: inputs.callsForAction === null ? 'Not collected yet' : String(inputs.callsForAction),
    },
  ];
}

export function riskCouncilView(opts: {
  profile: ProfileWithHistory;
  /** the model version the profile was scored with, when it is recorded */
  model: RiskModel | undefined;
  currentVersion: number;
  inspection: ScheduledInspection | undefined;
  selfAssessments: readonly SelfAssessment[];
  mayFileSelfAssessment: boolean;
}): RiskCouncilView {
  const { profile: p, inspection } = opts;
  const band = bandTag(p.band);
  const openCasesTotal = RUNGS.reduce((n, r) => n + p.inputs.openCasesByRung[r], 0);
  return {
    pageTitle: `Risk profile: ${p.bodyName}`,
    bodyName: p.bodyName,
    score: scoreText(p.score),
    bandTag: band,
    summary: `${p.bodyName} scores ${scoreText(p.score)} out of 100: ${band.text.toLowerCase()}. Worked out on ${instantInWords(p.computedAt)} with risk model version ${p.modelVersion}.`,
    components: p.components.map((c) => ({
      name: RISK_COMPONENT_NAMES[c.key],
      share: percent(c.share),
      weight: String(c.weight),
      points: c.share === null ? '0' : scoreText(c.points),
      explanation: c.explanation,
    })),
    totalPoints: scoreText(p.score),
    inputs: inputsInWords(p.inputs),
    flaggedThemes:
      p.flaggedThemes.length === 0
        ? 'No inspection theme is flagged: nothing is wrong in any theme’s indicators or targets.'
        : `Flagged: ${themesInWords(p.flaggedThemes)}.`,
    openCases: RUNGS.map((r) => ({ rung: `Rung ${r}: ${RUNG_NAMES[r]}`, count: p.inputs.openCasesByRung[r] })),
    openCasesTotal,
    casesHref: assuranceUrls.cases({ body: p.bodyId }),
    inspection: inspection
      ? {
          dueBy: dateInWords(inspection.dueBy),
          coverage: COVERAGE_NAMES[inspection.coverage],
          themes: themesInWords(inspection.themes),
          reason: inspection.reason,
        }
      : null,
    selfAssessments: opts.selfAssessments.map((s) => ({
      href: assuranceUrls.selfAssessment(s.id),
      theme: themeName(s.theme),
      grade: GRADE_NAMES[s.grade],
      stateTag: selfAssessmentStateTag(s.state),
      filedOn: dateInWords(s.filedAt),
    })),
    newSelfAssessmentHref: opts.mayFileSelfAssessment ? assuranceUrls.newSelfAssessment({ body: p.bodyId }) : null,
    history: [...p.history]
      .sort((a, b) => b.computedAt.localeCompare(a.computedAt))
      .map((h) => ({
        computedAt: instantInWords(h.computedAt),
        score: scoreText(h.score),
        bandTag: bandTag(h.band),
        modelVersion: h.modelVersion,
      })),
    formula: opts.model ? formulaView(opts.model) : null,
    modelNote:
      p.modelVersion === opts.currentVersion
        ? null
        : `This score was worked out with model version ${p.modelVersion}; version ${opts.currentVersion} is now in force, and the council is scored with it the next time the triggers run.`,
    backHref: assuranceUrls.risk(),
    apiHref: assuranceUrls.apiRiskProfile(p.bodyId),
  };
}
