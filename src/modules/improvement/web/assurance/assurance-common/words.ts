/** The words the risk, inspection and partnership pages use for bands, grades, states and coverage. */
import {
  INSPECTION_THEME_NAMES,
  type InspectionTheme,
  type RiskBand,
  type ScheduleRule,
  type SelfAssessmentGrade,
  type SelfAssessmentState,
} from '../../../improvement.types.ts';

export interface Tag {
  text: string;
  /** a govuk-tag colour class: the words say the band, the colour only repeats them */
  classes: string;
}

const BAND_TAGS: Record<RiskBand, Tag> = {
  high: { text: 'High risk', classes: 'govuk-tag--red' },
  medium: { text: 'Medium risk', classes: 'govuk-tag--yellow' },
  low: { text: 'Low risk', classes: 'govuk-tag--green' },
};
export const bandTag = (band: RiskBand): Tag => BAND_TAGS[band];

export const GRADE_NAMES: Record<SelfAssessmentGrade, string> = {
  performing_strongly: 'Performing strongly',
  performing_well: 'Performing well',
  performing_adequately: 'Performing adequately',
  performing_poorly: 'Performing poorly',
};

const STATE_TAGS: Record<SelfAssessmentState, Tag> = {
  filed: { text: 'Awaiting an assessor', classes: 'govuk-tag--grey' },
  agreed: { text: 'Agreed by an assessor', classes: 'govuk-tag--green' },
  challenged: { text: 'Challenged by an assessor', classes: 'govuk-tag--orange' },
};
export const selfAssessmentStateTag = (state: SelfAssessmentState): Tag => STATE_TAGS[state];

export const COVERAGE_NAMES: Record<ScheduleRule['coverage'], string> = {
  all_themes: 'Every theme',
  flagged_themes: 'The flagged themes',
  self_assessment_only: 'Reliance on self-assessment',
};

export const themeName = (theme: InspectionTheme): string => INSPECTION_THEME_NAMES[theme];

/** 'Local services and Adult social care and health', or 'none' */
export function themesInWords(themes: readonly InspectionTheme[]): string {
  const names = themes.map(themeName);
  if (names.length === 0) return 'none';
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A score as shown: one decimal place, without a trailing '.0'. */
export function scoreText(score: number): string {
  const rounded = Math.round(score * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}
