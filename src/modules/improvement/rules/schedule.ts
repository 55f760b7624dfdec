/**
 * Proportionate inspection, derived from a council's risk profile: the higher the risk, the sooner and
 * the wider. High risk: every theme within 6 months; medium: the flagged themes within 12 months (local
 * services when none is flagged, as the council-wide matters — data quality, open cases — sit there);
 * low: reliance on the council's own self-assessments, with a check within 36 months.
 */
import {
  DEFAULT_SCHEDULE,
  INSPECTION_THEMES,
  INSPECTION_THEME_NAMES,
  type InspectionTheme,
  type RiskBand,
  type ScheduleRule,
  type ScheduledInspection,
} from '../improvement.types.ts';
import { dateWords, plural } from './words.ts';

export interface ScheduleProfile {
  bodyId: string;
  bodyName: string;
  score: number;
  band: RiskBand;
  computedAt: string;
  flaggedThemes: InspectionTheme[];
}

/** `from` plus whole calendar months, as an ISO date; a day past the month's end becomes its last day. */
export function addMonths(from: Date, months: number): string {
  const y = from.getUTCFullYear();
  const m = from.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(from.getUTCDate(), last))).toISOString().slice(0, 10);
}

const BAND_WORDS: Record<RiskBand, string> = { high: 'High risk', medium: 'Medium risk', low: 'Low risk' };

function themeList(themes: InspectionTheme[]): string {
  return themes.map((t) => INSPECTION_THEME_NAMES[t]).join(', ');
}

function coverageOf(rule: ScheduleRule, flagged: InspectionTheme[]): { themes: InspectionTheme[]; words: string } {
  switch (rule.coverage) {
    case 'all_themes':
      return { themes: [...INSPECTION_THEMES], words: 'an inspection of all four themes' };
    case 'flagged_themes': {
      const themes = INSPECTION_THEMES.filter((t) => flagged.includes(t));
      return themes.length > 0
        ? { themes, words: `an inspection of the flagged ${themes.length === 1 ? 'theme' : 'themes'}: ${themeList(themes)}` }
        : {
            themes: ['local_services'],
            words:
              'an inspection of local services, as no theme is flagged and council-wide matters (data quality, open cases) sit there',
          };
    }
    case 'self_assessment_only':
      return { themes: [], words: 'reliance on the council’s self-assessments, checked' };
  }
}

export function scheduleInspection(
  profile: ScheduleProfile,
  from: Date,
  schedule: Record<RiskBand, ScheduleRule> = DEFAULT_SCHEDULE,
): ScheduledInspection {
  const rule = schedule[profile.band];
  const dueBy = addMonths(from, rule.withinMonths);
  const { themes, words } = coverageOf(rule, profile.flaggedThemes);
  const score = profile.score.toFixed(1);
  return {
    bodyId: profile.bodyId,
    bodyName: profile.bodyName,
    score: profile.score,
    band: profile.band,
    dueBy,
    coverage: rule.coverage,
    themes,
    reason: `${BAND_WORDS[profile.band]} (score ${score}): ${words} within ${plural(rule.withinMonths, 'month')} of ${dateWords(from.toISOString())}, by ${dateWords(dueBy)}`,
  };
}

/** Soonest first, then the higher score, then by name. */
export function orderSchedule(list: readonly ScheduledInspection[]): ScheduledInspection[] {
  return [...list].sort((a, b) => a.dueBy.localeCompare(b.dueBy) || b.score - a.score || a.bodyName.localeCompare(b.bodyName));
}
