/**
 * The inspection page (GET /inspection): the proportionate schedule worked out from the risk profiles,
 * the ten principles of inspection with how the platform serves each, and the councils'
 * self-assessments, filtered by state, theme and council.
 */
import {
  INSPECTION_THEMES,
  type InspectionTheme,
  type ScheduledInspection,
  SELF_ASSESSMENT_STATES,
  type SelfAssessment,
  type SelfAssessmentState,
} from '../../../improvement.types.ts';
import type { CouncilName } from '../assurance-common/councils.ts';
import { dateInWords } from '../assurance-common/dates.ts';
import { FIGURES_LICENCE } from '../assurance-common/done.ts';
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

export interface PrincipleEntry {
  number: number;
  principle: string;
  howServed: string;
  link?: string;
}

export interface SelfAssessmentFilter {
  state: SelfAssessmentState | '';
  theme: InspectionTheme | '';
  body: string;
}

export function selfAssessmentFilter(query: { state?: string; theme?: string; body?: string }): SelfAssessmentFilter {
  const state = (SELF_ASSESSMENT_STATES as readonly string[]).includes(query.state ?? '')
    ? (query.state as SelfAssessmentState)
    : '';
  const theme = (INSPECTION_THEMES as readonly string[]).includes(query.theme ?? '') ? (query.theme as InspectionTheme) : '';
  return { state, theme, body: (query.body ?? '').slice(0, 200) };
}

type Option = { value: string; text: string; selected: boolean };

export interface InspectionView {
  pageTitle: string;
  schedule: {
    bodyName: string;
    href: string;
    bandTag: Tag;
    score: string;
    dueBy: string;
    coverage: string;
    themes: string;
    reason: string;
  }[];
  principles: PrincipleEntry[];
  selfAssessments: { href: string; council: string; theme: string; grade: string; filedOn: string; stateTag: Tag }[];
  selfAssessmentCount: string;
  noneFiled: boolean;
  stateOptions: Option[];
  themeOptions: Option[];
  bodyOptions: Option[];
  newSelfAssessmentHref: string | null;
  scheduleApiHref: string;
  selfAssessmentsApiHref: string;
  licence: string;
  done: string | undefined;
}

const STATE_OPTION_NAMES: Record<SelfAssessmentState, string> = {
  filed: 'Filed, awaiting an assessor',
  agreed: 'Agreed',
  challenged: 'Challenged',
};

export function inspectionView(opts: {
  schedule: readonly ScheduledInspection[];
  principles: readonly PrincipleEntry[];
  selfAssessments: readonly SelfAssessment[];
  councils: ReadonlyMap<string, CouncilName>;
  filter: SelfAssessmentFilter;
  mayFile: boolean;
  done?: string;
}): InspectionView {
  const { filter, councils } = opts;
  const nameOf = (bodyId: string) => councils.get(bodyId)?.name ?? bodyId;
  const shown = opts.selfAssessments.filter(
    (s) =>
      (filter.state === '' || s.state === filter.state) &&
      (filter.theme === '' || s.theme === filter.theme) &&
      (filter.body === '' || s.bodyId === filter.body),
  );
  const filing = [...new Set(opts.selfAssessments.map((s) => s.bodyId))].sort((a, b) =>
    nameOf(a).localeCompare(nameOf(b), 'en-GB'),
  );
  return {
    pageTitle: 'Inspection',
    schedule: [...opts.schedule]
      .sort((a, b) => a.dueBy.localeCompare(b.dueBy) || b.score - a.score || a.bodyName.localeCompare(b.bodyName, 'en-GB'))
      .map((s) => ({
        bodyName: s.bodyName,
        href: assuranceUrls.riskProfile(s.bodyId),
        bandTag: bandTag(s.band),
        score: scoreText(s.score),
        dueBy: dateInWords(s.dueBy),
        coverage: COVERAGE_NAMES[s.coverage],
        themes: themesInWords(s.themes),
        reason: s.reason,
      })),
    principles: [...opts.principles],
    selfAssessments: shown.map((s) => ({
      href: assuranceUrls.selfAssessment(s.id),
      council: nameOf(s.bodyId),
      theme: themeName(s.theme),
      grade: GRADE_NAMES[s.grade],
      filedOn: dateInWords(s.filedAt),
      stateTag: selfAssessmentStateTag(s.state),
    })),
    selfAssessmentCount:
      shown.length === opts.selfAssessments.length
        ? `${shown.length} ${shown.length === 1 ? 'self-assessment' : 'self-assessments'}`
        : `${shown.length} of ${opts.selfAssessments.length} self-assessments`,
    noneFiled: opts.selfAssessments.length === 0,
    stateOptions: [
      { value: '', text: 'Every state', selected: filter.state === '' },
      ...SELF_ASSESSMENT_STATES.map((s) => ({ value: s, text: STATE_OPTION_NAMES[s], selected: s === filter.state })),
    ],
    themeOptions: [
      { value: '', text: 'Every theme', selected: filter.theme === '' },
      ...INSPECTION_THEMES.map((t) => ({ value: t, text: themeName(t), selected: t === filter.theme })),
    ],
    bodyOptions: [
      { value: '', text: 'Every council', selected: filter.body === '' },
      ...filing.map((b) => ({ value: b, text: nameOf(b), selected: b === filter.body })),
    ],
    newSelfAssessmentHref: opts.mayFile ? assuranceUrls.newSelfAssessment() : null,
    scheduleApiHref: assuranceUrls.apiSchedule(),
    selfAssessmentsApiHref: assuranceUrls.apiSelfAssessments(),
    licence: FIGURES_LICENCE,
    done: opts.done,
  };
}
