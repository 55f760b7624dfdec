/** What an import of plans did (or, on a dry run, would do), or every problem that stopped it, as JSON. */
import { z } from 'zod';
import type { ProblemDetail } from '../../../platform/errors.ts';
import type { PlanImportReport } from '../plan-import.service.ts';
import { planLinks } from './presenters.ts';

export const MAX_PROBLEMS_SHOWN = 1000;

const problemSchema = z.object({
  line: z.number().int().optional(),
  field: z.string().optional().describe('the column, or the JSON path and field'),
  value: z.unknown().optional(),
  reason: z.string(),
});
const presentProblem = (p: ProblemDetail): z.infer<typeof problemSchema> => ({
  ...(p.line !== undefined ? { line: p.line } : {}),
  ...(p.field !== undefined ? { field: p.field } : {}),
  ...(p.value !== undefined ? { value: p.value } : {}),
  reason: p.reason,
});

const countsSchema = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });

export const importReportSchema = z.object({
  ok: z.boolean().describe('no problem: the file was imported (or, on a dry run, would be)'),
  dryRun: z.boolean(),
  fileName: z.string(),
  format: z.enum(['json', 'csv']),
  changed: z.boolean().describe('whether anything was (or would be) written; importing the same file twice changes nothing'),
  plans: z.array(
    z.object({
      plan: z.string(),
      outcome: z.enum(['created', 'draft_updated', 'new_draft', 'published', 'unchanged']),
      version: z.number().int().describe('the version the plan’s content is now in (or would be)'),
      rulesChanged: z.number().int().describe('targets whose tolerance the file changed (a new rule version each)'),
      progressReported: z.number().int(),
      link: z.string(),
    }),
  ),
  nationalPriorities: countsSchema,
  problemCount: z.number().int(),
  problems: z.array(problemSchema).describe(`the first ${MAX_PROBLEMS_SHOWN} problems: line or JSON path, field, value, reason`),
});
export type ImportReportJson = z.infer<typeof importReportSchema>;

export function presentImportReport(r: PlanImportReport): ImportReportJson {
  return {
    ok: true,
    dryRun: r.dryRun,
    fileName: r.fileName,
    format: r.format,
    changed: r.changed,
    plans: r.plans.map((p) => ({
      plan: p.planId,
      outcome: p.outcome,
      version: p.versionNumber,
      rulesChanged: p.rulesChanged,
      progressReported: p.progressReported,
      link: planLinks.plan(p.planId),
    })),
    nationalPriorities: { ...r.nationalPriorities },
    problemCount: 0,
    problems: [],
  };
}

/** A dry run that found problems: what was wrong, and nothing else. */
export function presentRefusedImport(
  file: { fileName: string; format: 'json' | 'csv' },
  problems: readonly ProblemDetail[],
): ImportReportJson {
  return {
    ok: false,
    dryRun: true,
    fileName: file.fileName,
    format: file.format,
    changed: false,
    plans: [],
    nationalPriorities: { created: 0, updated: 0, unchanged: 0 },
    problemCount: problems.length,
    problems: problems.slice(0, MAX_PROBLEMS_SHOWN).map(presentProblem),
  };
}
