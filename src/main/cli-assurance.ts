/**
 * `localvision risk …`, `localvision inspection …` and `localvision partnerships …`: councils' risk
 * scores with their breakdown and the published formula, the model's weights and bands (changed as a new
 * version with a reason, then every council scored again), the proportionate inspection schedule, and
 * improvement partnerships imported from JSON and listed. The command line acts as itself (cliActor).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import type { SubmittedFile } from '../platform/files.ts';
import { cliActor } from '../modules/accounts/index.ts';
import {
  currentRiskModel,
  getRiskProfile,
  importPartnerships,
  INSPECTION_THEME_NAMES,
  inspectionSchedule,
  listPartnerships,
  listRiskProfiles,
  refreshRiskProfiles,
  RISK_COMPONENT_NAMES,
  RISK_COMPONENTS,
  riskModelVersions,
  type RiskModel,
  type ScheduledInspection,
  setRiskModel,
} from '../modules/improvement/index.ts';
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

/** `key=value` pairs, given once each or comma-separated: `--set off_target=30 --set worsening=10`. */
function pairs(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const out = { ...previous };
  for (const part of value.split(',')) {
    const m = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(part);
    if (!m) throw new InvalidArgumentError(`give key=value pairs, e.g. off_target=30 (not "${part}")`);
    out[m[1]!] = m[2]!;
  }
  return out;
}

/** The published formula, in words, with the model's weights. */
export function formulaLines(model: RiskModel): string[] {
  const total = RISK_COMPONENTS.reduce((sum, k) => sum + model.weights[k], 0);
  return [
    `Risk model version ${model.version} (${model.createdBy}, ${model.createdAt.slice(0, 10)}${model.reason ? `: ${model.reason}` : ''})`,
    'Score = the sum of each component’s points, weight × share (0–1) × 100 ÷ the total of the weights; a component with nothing to judge adds nothing.',
    ...RISK_COMPONENTS.map((k) => `  ${k.padEnd(17)} weight ${String(model.weights[k]).padStart(4)}  ${RISK_COMPONENT_NAMES[k]}`),
    `  total weight ${total}`,
    `Open cases: ${model.casePoints[1]} point(s) on rung 1, ${model.casePoints[2]} on rung 2, ${model.casePoints[3]} on rung 3; ${model.casePointsForFullShare} points make a full share.`,
    `Bands: high from ${model.bands.high}, medium from ${model.bands.medium}, low below.`,
  ];
}

export function assuranceCommands(program: Command, io: CliIo, withContext: WithContext): void {
  const run = (fn: (ctx: AppContext) => Promise<void>) =>
    withContext(async (ctx) => {
      try {
        await fn(ctx);
      } catch (e) {
        return reportError(io, e);
      }
    });

  const risk = program.command('risk').description('councils’ risk profiles and the published scoring model');
  risk
    .command('show [body]')
    .description('every council’s newest score, highest first; or one council’s breakdown with the formula')
    .option('--json', 'as JSON')
    .action((body: string | undefined, o: { json?: boolean }) =>
      run(async (ctx) => {
        const db = ctx.database.db;
        if (body) {
          const profile = await getRiskProfile(db, body);
          if (!profile)
            throw new Error(
              `No risk profile for ${body}: run the triggers (localvision triggers run) or localvision risk refresh`,
            );
          const model = (await riskModelOf(ctx, profile.modelVersion)) ?? (await currentRiskModel(db, { clock: ctx.clock }));
          if (o.json) return io.out(JSON.stringify({ profile, model }, null, 2));
          io.out(
            [
              `${profile.bodyName} (${profile.bodyId}), ${profile.areaName}: score ${profile.score}, ${profile.band} risk, computed ${profile.computedAt}`,
              ...profile.components.map(
                (c) =>
                  `  ${c.key.padEnd(17)} ${c.share === null ? '   -' : c.share.toFixed(2)} × ${String(c.weight).padStart(3)} → ${c.points
                    .toFixed(1)
                    .padStart(5)}  ${c.explanation}`,
              ),
              `Themes flagged: ${profile.flaggedThemes.length ? profile.flaggedThemes.map((t) => INSPECTION_THEME_NAMES[t]).join(', ') : 'none'}`,
              ...formulaLines(model),
              `History: ${profile.history.map((h) => `${h.computedAt.slice(0, 10)} ${h.score} (${h.band}, model ${h.modelVersion})`).join('; ')}`,
            ].join('\n'),
          );
          return;
        }
        const profiles = await listRiskProfiles(db);
        if (o.json) return io.out(JSON.stringify(profiles, null, 2));
        const rows = [['score', 'band', 'model', 'computed', 'council']];
        for (const p of profiles)
          rows.push([String(p.score), p.band, String(p.modelVersion), p.computedAt.slice(0, 10), `${p.bodyName} (${p.bodyId})`]);
        io.out(columns(rows));
        io.out(`${profiles.length} council${profiles.length === 1 ? '' : 's'}`);
      }),
    );

  risk
    .command('refresh')
    .description('score every council now under the model in force; a profile is stored only when it changed')
    .action(() =>
      run(async (ctx) => {
        const { changed } = await refreshRiskProfiles(ctx.database.db, { clock: ctx.clock });
        io.out(`Risk profiles: ${changed} changed`);
      }),
    );

  risk
    .command('weights')
    .description(
      'print the scoring model; with --set, --bands or --case-points, add a new version (with --reason) and score again',
    )
    .option('--set <key=value>', 'a component’s weight (repeat, or separate with commas)', pairs)
    .option('--bands <high=N,medium=N>', 'the bands’ thresholds', pairs)
    .option('--case-points <1=N,2=N,3=N>', 'points per open case on each rung', pairs)
    .option('--full-share <points>', 'the case points that make a full share')
    .option('--reason <text>', 'why the model changes (required for a change)')
    .action(
      (o: {
        set?: Record<string, string>;
        bands?: Record<string, string>;
        casePoints?: Record<string, string>;
        fullShare?: string;
        reason?: string;
      }) =>
        run(async (ctx) => {
          const db = ctx.database.db;
          if (!o.set && !o.bands && !o.casePoints && o.fullShare === undefined) {
            io.out(formulaLines(await currentRiskModel(db, { clock: ctx.clock })).join('\n'));
            return;
          }
          const model = await setRiskModel(
            db,
            actor,
            {
              ...(o.set ? { weights: o.set } : {}),
              ...(o.bands ? { bands: o.bands } : {}),
              ...(o.casePoints ? { casePoints: o.casePoints } : {}),
              ...(o.fullShare !== undefined ? { casePointsForFullShare: o.fullShare } : {}),
              reason: o.reason,
            },
            { clock: ctx.clock },
          );
          io.out(formulaLines(model).join('\n'));
          const { changed } = await refreshRiskProfiles(db, { clock: ctx.clock });
          io.out(`Risk profiles: ${changed} changed`);
        }),
    );

  program
    .command('inspection')
    .description('proportionate inspection')
    .command('schedule')
    .description('when each council is due for inspection and on which themes, soonest first (from its newest risk profile)')
    .option('--json', 'as JSON')
    .action((o: { json?: boolean }) =>
      run(async (ctx) => {
        const schedule = await inspectionSchedule(ctx.database.db, { clock: ctx.clock });
        if (o.json) return io.out(JSON.stringify(schedule, null, 2));
        const rows = [['due by', 'band', 'score', 'themes', 'council']];
        for (const s of schedule) rows.push([s.dueBy, s.band, String(s.score), themesText(s), s.bodyName]);
        io.out(columns(rows));
        io.out(`${schedule.length} council${schedule.length === 1 ? '' : 's'}`);
      }),
    );

  const partnerships = program.command('partnerships').description('improvement partnerships of councils and their peer reviews');
  partnerships
    .command('import <file>')
    .description('partnerships, members and peer reviews from JSON; a file with any problem changes nothing')
    .action((path: string) =>
      run(async (ctx) => {
        const report = await importPartnerships(ctx.database.db, readFile(path), { clock: ctx.clock, actor });
        for (const p of report.partnerships) {
          const r = p.peerReviews;
          io.out(`${p.id}: ${p.outcome}; peer reviews ${r.created} recorded, ${r.changed} changed, ${r.unchanged} unchanged`);
        }
        io.out(`${report.fileName}: ${report.changed ? 'imported' : 'nothing to change'}`);
      }),
    );
  partnerships
    .command('list')
    .description('every partnership with its members')
    .option('--json', 'as JSON')
    .action((o: { json?: boolean }) =>
      run(async (ctx) => {
        const listed = await listPartnerships(ctx.database.db);
        if (o.json) return io.out(JSON.stringify(listed, null, 2));
        const rows = [['id', 'formed', 'reviews', 'members']];
        for (const p of listed) rows.push([p.id, p.formedOn, String(p.peerReviewCount), p.memberNames.join(', ')]);
        io.out(columns(rows));
        io.out(`${listed.length} partnership${listed.length === 1 ? '' : 's'}`);
      }),
    );
}

async function riskModelOf(ctx: AppContext, version: number): Promise<RiskModel | undefined> {
  return (await riskModelVersions(ctx.database.db)).find((m) => m.version === version);
}

function themesText(s: ScheduledInspection): string {
  if (s.coverage === 'self_assessment_only') return 'self-assessment';
  return s.themes.map((t) => INSPECTION_THEME_NAMES[t]).join('; ');
}

/** Rows as aligned columns, the header first. */
function columns(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n');
}
