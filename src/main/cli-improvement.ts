/**
 * `localvision triggers …` and `localvision cases …`: run the triggers, read and change the rules,
 * list and show cases, act on a case, escalate overdue cases (on a clock given with --now), and read
 * or set the rungs' deadlines. The command line acts as itself (cliActor): it already holds the database.
 */
import { type Command, InvalidArgumentError } from 'commander';
import type { Clock } from '../platform/clock.ts';
import { cliActor } from '../modules/accounts/index.ts';
import {
  ANY,
  actOnCase,
  addRuleVersion,
  CASE_ACTIONS,
  CASE_STATE_NAMES,
  type CaseAction,
  type CaseDetail,
  type CaseListing,
  describeParams,
  escalateOverdue,
  getCase,
  listCases,
  listRuleVersions,
  rulesInForce,
  rungDeadlines,
  RUNGS,
  runTriggers,
  setRungDeadline,
  TRIGGER_KIND_NAMES,
  TRIGGER_KINDS,
  type TriggerKind,
  type TriggerRuleVersion,
  type TriggerRun,
} from '../modules/improvement/index.ts';
import { type CliIo, reportError } from './cli-output.ts';
import type { AppContext } from './context.ts';

type WithContext = (fn: (ctx: AppContext) => Promise<number | void>) => Promise<void>;

const actor = cliActor();

function parseRung(value: string): 1 | 2 | 3 {
  const n = Number(value);
  if (!(RUNGS as readonly number[]).includes(n)) throw new InvalidArgumentError('a rung is 1, 2 or 3');
  return n as 1 | 2 | 3;
}

function parseId(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('give a case number: 1, 2, …');
  return n;
}

function parseDays(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('give a whole number of days: 1, 2, …');
  return n;
}

function parseKind(value: string): TriggerKind {
  if (!(TRIGGER_KINDS as readonly string[]).includes(value))
    throw new InvalidArgumentError(`the kinds are ${TRIGGER_KINDS.join(', ')}`);
  return value as TriggerKind;
}

function parseAction(value: string): CaseAction {
  if (!(CASE_ACTIONS as readonly string[]).includes(value))
    throw new InvalidArgumentError(`the actions are ${CASE_ACTIONS.join(', ')}`);
  return value as CaseAction;
}

function parseInstant(value: string): Date {
  const d = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) || Number.isNaN(d.getTime()))
    throw new InvalidArgumentError('give an ISO date or instant, e.g. 2026-03-01 or 2026-03-01T09:00:00Z');
  return d;
}

function collectParam(value: string, previous: Record<string, string>): Record<string, string> {
  const at = value.indexOf('=');
  if (at < 1) throw new InvalidArgumentError('give a parameter as name=value, e.g. periods=3');
  return { ...previous, [value.slice(0, at).trim()]: value.slice(at + 1).trim() };
}

export function improvementCommands(program: Command, io: CliIo, withContext: WithContext): void {
  const run = (fn: (ctx: AppContext) => Promise<number | void>) =>
    withContext(async (ctx) => {
      try {
        return await fn(ctx);
      } catch (e) {
        return reportError(io, e);
      }
    });
  triggerCommands(program, io, run);
  caseCommands(program, io, run);
}

type Run = (fn: (ctx: AppContext) => Promise<number | void>) => Promise<void>;

function triggerCommands(program: Command, io: CliIo, run: Run): void {
  const triggers = program.command('triggers').description('the rules that notice under-performance and open cases');

  triggers
    .command('run')
    .description('judge every council against the rules in force: open cases, add evidence, close recovered ones')
    .option('--json', 'the run as JSON')
    .action((o: { json?: boolean }) =>
      run(async (ctx) => {
        const result = await runTriggers(ctx.database.db, actor, { clock: ctx.clock });
        io.out(o.json ? JSON.stringify(result, null, 2) : runText(result));
      }),
    );

  triggers
    .command('rules')
    .description('the rule versions in force for each scope, and with --all every version')
    .option('--all', 'every version, not only the newest of each scope')
    .option('--json', 'as JSON')
    .action((o: { all?: boolean; json?: boolean }) =>
      run(async (ctx) => {
        const rules = o.all ? await listRuleVersions(ctx.database.db) : await rulesInForce(ctx.database.db);
        if (o.json) return io.out(JSON.stringify(rules, null, 2));
        if (rules.length === 0)
          return io.out('No rule versions are stored yet: the defaults are stored when the triggers first run.');
        io.out(rules.map(ruleLine).join('\n'));
      }),
    );

  triggers
    .command('set <kind>')
    .description('add a version of a rule for a scope: every council and indicator, one council, one indicator, or both')
    .option('--body <id>', "a council's id (default: every council)")
    .option('--indicator <code>', 'an indicator code (default: every indicator)')
    .option('--enable', 'switch the rule on for the scope')
    .option('--disable', 'switch the rule off for the scope')
    .option('--param <name=value>', 'a parameter that changes (repeat for several)', collectParam, {})
    .requiredOption('--reason <text>', 'why the rule changes')
    .action(
      (
        kind: string,
        o: {
          body?: string;
          indicator?: string;
          enable?: boolean;
          disable?: boolean;
          param: Record<string, string>;
          reason: string;
        },
      ) =>
        run(async (ctx) => {
          if (o.enable && o.disable) {
            io.err('Error: give --enable or --disable, not both. Nothing was changed.');
            return 1;
          }
          const version = await addRuleVersion(
            ctx.database.db,
            actor,
            {
              kind: parseKind(kind),
              bodyId: o.body ?? ANY,
              indicatorCode: o.indicator ?? ANY,
              ...(o.enable ? { enabled: true } : o.disable ? { enabled: false } : {}),
              params: o.param,
              reason: o.reason,
            },
            { clock: ctx.clock },
          );
          io.out(`Added ${ruleLine(version)}`);
        }),
    );
}

function caseCommands(program: Command, io: CliIo, run: Run): void {
  const cases = program.command('cases').description('cases on the ladder of response');

  cases
    .command('list')
    .description('cases, open ones first (highest rung, then oldest)')
    .option('--status <status>', 'open or closed')
    .option('--body <id>', "a council's cases")
    .option('--area <code>', "an area's cases")
    .option('--indicator <code>', "an indicator's cases")
    .option('--rung <n>', 'cases on this rung', parseRung)
    .option('--kind <kind>', 'cases a rule of this kind fired into')
    .option('--page <n>', 'page number (100 a page)', parseId)
    .option('--json', 'as JSON')
    .action(
      (o: {
        status?: string;
        body?: string;
        area?: string;
        indicator?: string;
        rung?: 1 | 2 | 3;
        kind?: string;
        page?: number;
        json?: boolean;
      }) =>
        run(async (ctx) => {
          const page = await listCases(ctx.database.db, {
            ...(o.status ? { status: o.status as 'open' } : {}),
            ...(o.body ? { bodyId: o.body } : {}),
            ...(o.area ? { areaCode: o.area } : {}),
            ...(o.indicator ? { indicatorCode: o.indicator } : {}),
            ...(o.rung ? { rung: o.rung } : {}),
            ...(o.kind ? { kind: o.kind } : {}),
            page: o.page ?? 1,
            pageSize: 100,
          });
          if (o.json) return io.out(JSON.stringify(page, null, 2));
          for (const c of page.cases) io.out(caseLine(c));
          io.out(
            `${page.total} case${page.total === 1 ? '' : 's'}${page.total > page.cases.length ? ` (page ${page.page})` : ''}`,
          );
        }),
    );

  cases
    .command('show <id>')
    .description('a case with its timeline and evidence')
    .option('--json', 'as JSON')
    .action((id: string, o: { json?: boolean }) =>
      run(async (ctx) => {
        const detail = await getCase(ctx.database.db, parseId(id));
        if (!detail) {
          io.err(`Error: no case has the id ${id}`);
          return 1;
        }
        io.out(o.json ? JSON.stringify(detail, null, 2) : caseText(detail));
      }),
    );

  cases
    .command('act <id> <action>')
    .description(`act on a case: ${CASE_ACTIONS.filter((a) => a !== 'open').join(', ')}`)
    .option('--reason <text>', 'why (escalate, de_escalate, close, add_evidence)')
    .option('--owner <name>', 'acknowledge: who owns the case (a post or a name; shown publicly)')
    .option('--plan <text>', 'add_action_plan: the plan')
    .action((id: string, action: string, o: { reason?: string; owner?: string; plan?: string }) =>
      run(async (ctx) => {
        const after = await actOnCase(
          ctx.database.db,
          actor,
          parseId(id),
          {
            action: parseAction(action),
            ...(o.reason !== undefined ? { reason: o.reason } : {}),
            ...(o.owner !== undefined ? { ownerName: o.owner } : {}),
            ...(o.plan !== undefined ? { actionPlan: o.plan } : {}),
          },
          { clock: ctx.clock },
        );
        io.out(`Case ${after.id}: ${CASE_STATE_NAMES[after.state]}, rung ${after.rung}, deadline ${after.deadline.slice(0, 10)}`);
      }),
    );

  cases
    .command('escalate-overdue')
    .description('escalate every open case whose deadline has passed without improvement; run again, it changes nothing')
    .option('--now <instant>', 'the time to judge the deadlines at (default: now)', parseInstant)
    .option('--json', 'as JSON')
    .action((o: { now?: Date; json?: boolean }) =>
      run(async (ctx) => {
        const clock: Clock = o.now ? { now: () => new Date(o.now!) } : ctx.clock;
        const result = await escalateOverdue(ctx.database.db, actor, { clock });
        if (o.json) return io.out(JSON.stringify(result, null, 2));
        io.out(
          `Checked ${result.checked} open case${result.checked === 1 ? '' : 's'}: ${result.escalated.length} escalated${
            result.escalated.length ? ` (${result.escalated.join(', ')})` : ''
          }`,
        );
      }),
    );

  cases
    .command('deadlines')
    .description(
      "the days each rung gives before its deadline; with --rung, --days and --reason, set them (--body '*' for every council)",
    )
    .option('--body <id>', "a council's id, or * for every council", ANY)
    .option('--rung <n>', 'the rung to set', parseRung)
    .option('--days <n>', 'the days it gives', parseDays)
    .option('--reason <text>', 'why it changes')
    .action((o: { body: string; rung?: 1 | 2 | 3; days?: number; reason?: string }) =>
      run(async (ctx) => {
        const setting = o.rung !== undefined || o.days !== undefined || o.reason !== undefined;
        const days = setting
          ? await setRungDeadline(
              ctx.database.db,
              actor,
              { bodyId: o.body, rung: o.rung, days: o.days, reason: o.reason },
              { clock: ctx.clock },
            )
          : await rungDeadlines(ctx.database.db, o.body);
        const who = o.body === ANY ? 'every council' : o.body;
        io.out(RUNGS.map((r) => `rung ${r}: ${days[r]} days`).join('\n'));
        io.out(`(${who})`);
      }),
    );
}

function runText(r: TriggerRun): string {
  const list = (ids: number[]) => (ids.length ? ` (${ids.join(', ')})` : '');
  return [
    `Firings recorded: ${r.firingsRecorded}`,
    `Cases opened: ${r.casesOpened.length}${list(r.casesOpened)}`,
    `Cases added to: ${r.casesAddedTo.length}${list(r.casesAddedTo)}`,
    `Cases closed as recovered: ${r.casesRecovered.length}${list(r.casesRecovered)}`,
    `Risk profiles changed: ${r.riskProfilesChanged}`,
  ].join('\n');
}

function ruleLine(v: TriggerRuleVersion): string {
  const scope = `${v.bodyId === ANY ? 'every council' : v.bodyId}, ${v.indicatorCode === ANY ? 'every indicator' : v.indicatorCode}`;
  const kind = v.kind as TriggerKind;
  return `${v.kind} (${scope}) version ${v.version}: ${v.enabled ? 'on' : 'off'}; ${describeParams(kind, v.params as never)}${
    v.reason ? ` — ${v.reason}` : ''
  } [${TRIGGER_KIND_NAMES[kind]}]`;
}

function caseLine(c: CaseListing): string {
  return `#${c.id} [rung ${c.rung}, ${c.state}] ${c.title}; ${c.kinds.join(', ')}; deadline ${c.deadline.slice(0, 10)}; ${c.firingCount} firing${
    c.firingCount === 1 ? '' : 's'
  }`;
}

function caseText(d: CaseDetail): string {
  const c = d.case;
  const lines = [
    `Case ${c.id}: ${c.title}`,
    `${CASE_STATE_NAMES[c.state]}; rung ${c.rung}; deadline ${c.deadline.slice(0, 10)}`,
    `Council: ${c.bodyName}; area: ${c.areaName}${c.indicatorTitle ? `; indicator: ${c.indicatorTitle}` : ''}`,
  ];
  if (c.ownerName) lines.push(`Owner: ${c.ownerName}`);
  if (c.actionPlan) lines.push(`Action plan: ${c.actionPlan}`);
  if (c.closedReason) lines.push(`Closed: ${c.closedReason}`);
  lines.push('Timeline:');
  for (const e of d.events)
    lines.push(
      `  ${e.at.slice(0, 16).replace('T', ' ')} ${e.action} → ${e.toState}, rung ${e.toRung} (${e.actor})${e.reason ? `: ${e.reason}` : ''}`,
    );
  lines.push('Evidence:');
  for (const f of d.firings) lines.push(`  ${f.kind}${f.period ? ` ${f.period}` : ''}: ${f.summary}`);
  if (d.nextActions.length) lines.push(`Next: ${d.nextActions.join(', ')}`);
  return lines.join('\n');
}
