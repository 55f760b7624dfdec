/** The proportionate inspection schedule, the ten principles and councils' self-assessments as JSON and CSV. */
import { z } from 'zod';
import type { CsvColumn } from '../../../platform/http/csv.ts';
import {
  DEFAULT_SCHEDULE,
  INSPECTION_THEME_NAMES,
  INSPECTION_THEMES,
  RISK_BANDS,
  SELF_ASSESSMENT_GRADES,
  SELF_ASSESSMENT_STATES,
  type ScheduledInspection,
  type SelfAssessment,
} from '../improvement.types.ts';
import { improvementLinks, improvementPages } from './links.ts';
import { presentTheme, themeSchema } from './risk-presenters.ts';

const COVERAGE = ['all_themes', 'flagged_themes', 'self_assessment_only'] as const;
const COVERAGE_NAMES: Record<(typeof COVERAGE)[number], string> = {
  all_themes: 'Every theme',
  flagged_themes: 'The themes where something is wrong',
  self_assessment_only: 'Reliance on the council’s self-assessment',
};

export const scheduledInspectionSchema = z.object({
  body: z.object({ id: z.string(), name: z.string() }),
  score: z.number(),
  band: z.enum(RISK_BANDS),
  dueBy: z.string().describe('the date (YYYY-MM-DD) the inspection is due by'),
  coverage: z.enum(COVERAGE),
  coverageName: z.string(),
  themes: z.array(themeSchema),
  reason: z.string().describe('in words, why this date and these themes'),
  links: z.object({ risk: z.string(), selfAssessments: z.string() }),
});
export const presentScheduledInspection = (s: ScheduledInspection): z.infer<typeof scheduledInspectionSchema> => ({
  body: { id: s.bodyId, name: s.bodyName },
  score: s.score,
  band: s.band,
  dueBy: s.dueBy,
  coverage: s.coverage,
  coverageName: COVERAGE_NAMES[s.coverage],
  themes: s.themes.map(presentTheme),
  reason: s.reason,
  links: {
    risk: improvementLinks.riskOf(s.bodyId),
    selfAssessments: `${improvementLinks.selfAssessments()}?body=${encodeURIComponent(s.bodyId)}`,
  },
});
export const scheduledInspectionCsv: readonly CsvColumn<ScheduledInspection>[] = [
  { header: 'body', value: (s) => s.bodyId },
  { header: 'body_name', value: (s) => s.bodyName },
  { header: 'score', value: (s) => s.score },
  { header: 'band', value: (s) => s.band },
  { header: 'due_by', value: (s) => s.dueBy },
  { header: 'coverage', value: (s) => s.coverage },
  { header: 'themes', value: (s) => s.themes.join(' ') },
  { header: 'reason', value: (s) => s.reason },
];

/** How soon and how widely each band is inspected. */
export const scheduleRulesSchema = z.array(
  z.object({ band: z.enum(RISK_BANDS), withinMonths: z.number().int(), coverage: z.enum(COVERAGE), coverageName: z.string() }),
);
export const presentScheduleRules = (): z.infer<typeof scheduleRulesSchema> =>
  RISK_BANDS.map((band) => ({ band, ...DEFAULT_SCHEDULE[band], coverageName: COVERAGE_NAMES[DEFAULT_SCHEDULE[band].coverage] }));

export const principleSchema = z.object({
  number: z.number().int(),
  principle: z.string(),
  howServed: z.string().describe('how the platform serves the principle'),
  link: z.string().nullable().describe('the page that shows it'),
});
export const presentPrinciple = (p: {
  number: number;
  principle: string;
  howServed: string;
  link?: string | undefined;
}): z.infer<typeof principleSchema> => ({
  number: p.number,
  principle: p.principle,
  howServed: p.howServed,
  link: p.link ?? null,
});

export const themesSchema = z.array(themeSchema);
export const presentThemes = () => INSPECTION_THEMES.map(presentTheme);

export const selfAssessmentSchema = z.object({
  id: z.number().int(),
  body: z.object({ id: z.string(), name: z.string().nullable() }),
  theme: z.enum(INSPECTION_THEMES),
  themeName: z.string(),
  grade: z.enum(SELF_ASSESSMENT_GRADES),
  summary: z.string(),
  evidence: z.string(),
  state: z.enum(SELF_ASSESSMENT_STATES),
  filedAt: z.string(),
  filedBy: z.string().describe('who filed it, as the audit log names them'),
  response: z.string().nullable().describe('the assessor’s words on agreeing or challenging'),
  respondedAt: z.string().nullable(),
  respondedBy: z.string().nullable(),
  links: z.object({ self: z.string(), html: z.string(), risk: z.string() }),
});
export const presentSelfAssessment = (s: SelfAssessment, bodyName: string | null): z.infer<typeof selfAssessmentSchema> => ({
  id: s.id,
  body: { id: s.bodyId, name: bodyName },
  theme: s.theme,
  themeName: INSPECTION_THEME_NAMES[s.theme],
  grade: s.grade,
  summary: s.summary,
  evidence: s.evidence,
  state: s.state,
  filedAt: s.filedAt,
  filedBy: s.filedBy,
  response: s.response,
  respondedAt: s.respondedAt,
  respondedBy: s.respondedBy,
  links: {
    self: improvementLinks.selfAssessment(s.id),
    html: improvementPages.inspection(),
    risk: improvementLinks.riskOf(s.bodyId),
  },
});
export const selfAssessmentCsv: readonly CsvColumn<SelfAssessment>[] = [
  { header: 'id', value: (s) => s.id },
  { header: 'body', value: (s) => s.bodyId },
  { header: 'theme', value: (s) => s.theme },
  { header: 'grade', value: (s) => s.grade },
  { header: 'state', value: (s) => s.state },
  { header: 'filed_at', value: (s) => s.filedAt },
  { header: 'filed_by', value: (s) => s.filedBy },
  { header: 'summary', value: (s) => s.summary },
  { header: 'evidence', value: (s) => s.evidence },
  { header: 'response', value: (s) => s.response },
  { header: 'responded_at', value: (s) => s.respondedAt },
  { header: 'responded_by', value: (s) => s.respondedBy },
];
