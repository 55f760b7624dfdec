/**
 * `localvision plans …`: import plans (JSON or CSV) and judge their targets, list them, show a plan's
 * golden thread as a tree with statuses, judge targets again, and export a plan in the import format.
 * The command line acts as itself (cliActor): it already holds the database.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import type { SubmittedFile } from '../platform/files.ts';
import { cliActor } from '../modules/accounts/index.ts';
import {
  assessTargets,
  exportPlan,
  goldenThread,
  importPlans,
  listPlans,
  PLAN_KIND_NAMES,
  STATUS_NAMES,
  type AssessmentRun,
  type GoldenThread,
  type PlanExportFormat,
  type PlanImportReport,
  type StatusCounts,
  type ThreadNode,
} from '../modules/plans/index.ts';
import { type CliIo, reportError } from './cli-output.ts';
import type { AppContext } from './context.ts';

type WithContext = (fn: (ctx: AppContext) => Promise<number | void>) => Promise<void>;

const actor = cliActor();

function readFile(path: string): SubmittedFile {
  try {
    return { name: basename(path), content: readFileSync(path) };
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    throw new Error(`Cannot read ${path}: ${reason}`, { cause: e });
  }
}

function parseFormat(value: string): PlanExportFormat {
  if (value !== 'csv' && value !== 'json') throw new InvalidArgumentError('format must be csv or json');
  return value;
}

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('give a version number: 1, 2, …');
  return n;
}

function parseDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError('give the date as YYYY-MM-DD');
  return value;
}

export function planCommands(program: Command, io: CliIo, withContext: WithContext): void {
  const plans = program.command('plans').description('strategies, Local Area Agreements and service plans: the golden thread');
  const run = (fn: (ctx: AppContext) => Promise<void>) =>
    withContext(async (ctx) => {
      try {
        await fn(ctx);
      } catch (e) {
        return reportError(io, e);
      }
    });

  plans
    .command('import <file>')
    .description('import plans (JSON) or one plan’s items (CSV); a file with any problem changes nothing; then judge the targets')
    .option('--publish', 'publish what the file changes (in force from the file’s date, or today)')
    .option('--dry-run', 'check the file and say what would change, writing nothing')
    .action((path: string, o: { publish?: boolean; dryRun?: boolean }) =>
      run(async (ctx) => {
        const report = await importPlans(ctx.database.db, actor, readFile(path), {
          clock: ctx.clock,
          publish: o.publish ?? false,
          dryRun: o.dryRun ?? false,
        });
        io.out(importLines(report).join('\n'));
        if (!report.dryRun) io.out(assessedLine(await assessTargets(ctx.database.db, actor, {}, { clock: ctx.clock })));
      }),
    );

  plans
    .command('list')
    .description('every plan, with the version in force today and any draft')
    .action(() =>
      run(async (ctx) => {
        const listed = await listPlans(ctx.database.db, actor, {}, { clock: ctx.clock });
        const rows = [['id', 'kind', 'in force', 'draft', 'title']];
        for (const p of listed) {
          const shown = p.inForce ?? p.draft ?? p.latestPublished;
          rows.push([
            p.plan.id,
            PLAN_KIND_NAMES[p.plan.kind],
            p.inForce ? `version ${p.inForce.number} from ${p.inForce.inForceFrom}` : '-',
            p.draft ? `version ${p.draft.number}` : '-',
            shown?.title ?? '',
          ]);
        }
        io.out(columns(rows));
        io.out(`${listed.length} plan${listed.length === 1 ? '' : 's'}`);
      }),
    );

  plans
    .command('show <id>')
    .description('a plan’s golden thread as a tree: each item with its status, owner and latest figure, worst first')
    .option('--on <date>', 'the version in force on this date (YYYY-MM-DD; default today)', parseDate)
    .option('--version <number>', 'this version', (v) => parsePositive(v))
    .option('--draft', 'the draft')
    .option('--json', 'the thread as JSON')
    .action((id: string, o: { on?: string; version?: number; draft?: boolean; json?: boolean }) =>
      run(async (ctx) => {
        const choice = o.draft ? { draft: true } : o.version !== undefined ? { version: o.version } : o.on ? { on: o.on } : {};
        const thread = await goldenThread(ctx.database.db, actor, id, choice, { clock: ctx.clock });
        io.out(o.json ? JSON.stringify(thread, null, 2) : threadText(thread));
      }),
    );

  plans
    .command('assess')
    .description('judge targets from the published figures; a status is recorded only when it changes')
    .option('--plan <id>', 'only this plan')
    .action((o: { plan?: string }) =>
      run(async (ctx) => {
        io.out(assessedLine(await assessTargets(ctx.database.db, actor, o.plan ? { planId: o.plan } : {}, { clock: ctx.clock })));
      }),
    );

  plans
    .command('export <id>')
    .description('a plan in the import format (its draft, or else its latest published version): importing it changes nothing')
    .requiredOption('--format <format>', 'json or csv', parseFormat)
    .option('--out <file>', 'write to this file instead of standard output')
    .action((id: string, o: { format: PlanExportFormat; out?: string }) =>
      run(async (ctx) => {
        const exported = await exportPlan(ctx.database.db, actor, id, o.format, { clock: ctx.clock });
        if (o.out) {
          writeFileSync(o.out, exported.text);
          io.err(`Wrote version ${exported.version.number} of ${exported.version.title} to ${o.out}`);
        } else io.out(exported.text);
      }),
    );
}

const OUTCOMES: Record<PlanImportReport['plans'][number]['outcome'], string> = {
  created: 'recorded',
  draft_updated: 'draft changed',
  new_draft: 'new draft',
  published: 'published',
  unchanged: 'unchanged',
};

function importLines(report: PlanImportReport): string[] {
  const lines = report.plans.map((p) => {
    const extra = [
      p.rulesChanged > 0 ? `${p.rulesChanged} tolerance${p.rulesChanged === 1 ? '' : 's'} set` : '',
      p.progressReported > 0 ? `${p.progressReported} progress report${p.progressReported === 1 ? '' : 's'}` : '',
    ].filter(Boolean);
    return `${p.planId}: ${OUTCOMES[p.outcome]} (version ${p.versionNumber})${extra.length ? `; ${extra.join(', ')}` : ''}`;
  });
  const n = report.nationalPriorities;
  if (n.created + n.updated + n.unchanged > 0)
    lines.push(`national priorities: ${n.created} recorded, ${n.updated} changed, ${n.unchanged} unchanged`);
  lines.push(
    report.dryRun
      ? `${report.fileName}: checked; nothing was written (dry run)${report.changed ? '' : ', and importing it would change nothing'}`
      : `${report.fileName}: ${report.changed ? 'imported' : 'nothing to change'}`,
  );
  return lines;
}

function assessedLine(run: AssessmentRun): string {
  const skipped = run.skipped > 0 ? `, ${run.skipped} not judged (rule not yet in force)` : '';
  return `Targets judged: ${run.assessed} assessed, ${run.changed} changed${skipped}`;
}

function countsText(c: StatusCounts | null): string {
  if (!c) return '';
  const parts = (['off_track', 'at_risk', 'no_data', 'on_track'] as const)
    .filter((s) => c[s] > 0)
    .map((s) => `${STATUS_NAMES[s].toLowerCase()} ${c[s]}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function nodeLine(n: ThreadNode): string {
  const status = n.cancelled ? 'cancelled' : STATUS_NAMES[n.status].toLowerCase();
  const where = n.relation === 'serves' ? ` [${n.plan.title}]` : '';
  const owner = n.ownerBodyName ? `; ${n.ownerBodyName}${n.leadPerson ? `, ${n.leadPerson}` : ''}` : '';
  const latest = n.assessment?.period ? `; ${n.assessment.actual} in ${n.assessment.period}` : '';
  const forecast =
    n.forecast?.value !== null && n.forecast ? `; forecast ${n.forecast.value.toFixed(1)} for ${n.forecast.period}` : '';
  const progress = n.actionUpdate ? `; ${n.actionUpdate.progress}% as of ${n.actionUpdate.asOf}` : '';
  return `[${status}] ${n.kind} ${n.ref.key}: ${n.title}${where}${countsText(n.counts)}${owner}${latest}${forecast}${progress}`;
}

function threadText(t: GoldenThread): string {
  const lines = [
    `${t.version.title} (${t.plan.id}), ${PLAN_KIND_NAMES[t.plan.kind]}, version ${t.version.number}${
      t.version.inForceFrom ? ` in force from ${t.version.inForceFrom}` : ' (draft)'
    }`,
    `Status: ${STATUS_NAMES[t.status].toLowerCase()}${countsText(t.counts)}`,
  ];
  if (t.version.vision) lines.push(`Vision: ${t.version.vision}`);
  if (t.version.disclaimer) lines.push(`Note: ${t.version.disclaimer}`);
  const visit = (n: ThreadNode, depth: number) => {
    lines.push(`${'  '.repeat(depth)}${nodeLine(n)}`);
    for (const c of n.children) visit(c, depth + 1);
  };
  for (const n of t.nodes) visit(n, 1);
  return lines.join('\n');
}

/** Rows as aligned columns, the header first. */
function columns(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n');
}
