/**
 * The four inspection themes of the seed (appendix C ch. 6) and how an indicator's theme maps to one;
 * the themes where something is wrong for a council, which a medium-risk inspection covers.
 */
import { INSPECTION_THEMES, type CouncilFacts, type InspectionTheme } from '../improvement.types.ts';
import { deadlineStanding, indicatorStanding, targetStanding } from './standing.ts';

/** Words in an indicator's theme that place it in an inspection theme; everything else is local services. */
const THEME_WORDS: [InspectionTheme, readonly string[]][] = [
  ['adult_social_care_health', ['adult social care', 'social care', 'health']],
  ['justice_community_safety', ['community safety', 'crime', 'justice', 'policing']],
  ['children_education_skills', ['children', 'education', 'skills', 'school', 'young people']],
];

export function inspectionThemeOf(theme: string | null): InspectionTheme {
  const words = (theme ?? '').toLowerCase();
  for (const [inspection, matches] of THEME_WORDS) {
    if (matches.some((m) => words.includes(m))) return inspection;
  }
  return 'local_services';
}

/**
 * Themes with an off-track target, an indicator in the bottom quartile or getting worse, or figures late
 * or missing (judged at `now`; without it only figures published late count), in the themes' order.
 */
export function flaggedThemesOf(council: CouncilFacts, now?: Date): InspectionTheme[] {
  const themeOfIndicator = new Map(council.indicators.map((i) => [i.indicatorCode, inspectionThemeOf(i.theme)]));
  const themeOf = (code: string): InspectionTheme => themeOfIndicator.get(code) ?? inspectionThemeOf(null);
  const flagged = new Set<InspectionTheme>();
  for (const indicator of council.indicators) {
    const s = indicatorStanding(indicator);
    if (s.bottomQuartile || s.worsening) flagged.add(themeOf(indicator.indicatorCode));
  }
  for (const target of council.targets) {
    if (targetStanding(target).offTrack) flagged.add(themeOf(target.indicatorCode));
  }
  for (const deadline of council.deadlines) {
    const late = now
      ? deadlineStanding(deadline, now).lateOrMissing
      : deadline.receivedAt !== null && deadlineStanding(deadline, new Date(deadline.receivedAt)).lateOrMissing;
    if (late) flagged.add(themeOf(deadline.indicatorCode));
  }
  return INSPECTION_THEMES.filter((t) => flagged.has(t));
}
