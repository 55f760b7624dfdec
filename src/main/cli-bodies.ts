/**
 * `localvision bodies …`: a body's rules, from the server's command line. Whoever runs it already
 * holds the database, so nothing is refused for want of a role; every change is still audited, as
 * the command line and the user running it, with the reason given.
 */
import type { Command } from 'commander';
import { ValidationError } from '../platform/errors.ts';
import { getSubmissionRules, MAX_RULE_REASON_LENGTH, setSelfApproval } from '../modules/data/index.ts';
import { type CliIo, reportError } from './cli-output.ts';
import { commandLineActor } from './cli-users.ts';
import type { AppContext } from './context.ts';

type WithContext = (fn: (ctx: AppContext) => Promise<number | void>) => Promise<void>;

interface SelfApprovalOptions {
  allow?: boolean;
  forbid?: boolean;
  reason?: string;
}

function usage(message: string, field: string): ValidationError {
  return new ValidationError(message, [{ field, reason: message }]);
}

/** allow, forbid, or (neither) only show the rule; a change needs its reason. */
function chosenRule(o: SelfApprovalOptions): boolean | undefined {
  if (o.allow && o.forbid) throw usage('Give --allow or --forbid, not both', 'allow');
  if (!o.allow && !o.forbid) {
    if (o.reason !== undefined) throw usage('--reason goes with --allow or --forbid', 'reason');
    return undefined;
  }
  if (o.reason === undefined) throw usage('Say why the rule changes with --reason "…"; it is kept in the audit log', 'reason');
  return Boolean(o.allow);
}

const ruleInWords = (bodyName: string, allowed: boolean) =>
  allowed
    ? `${bodyName} allows the person who uploaded or submitted figures to approve them`
    : `${bodyName} needs another officer to approve its submissions: not the person who uploaded or submitted them`;

export function bodyCommands(program: Command, io: CliIo, withContext: WithContext): void {
  const bodies = program.command('bodies').description('a body’s rules for its submissions');

  bodies
    .command('self-approval <body-id>')
    .description(
      'show, or with --allow or --forbid change, whether the person who uploaded or submitted a body’s figures may also approve them',
    )
    .option('--allow', 'let the uploader or submitter approve (a body with one officer)')
    .option('--forbid', 'another officer must approve (the rule every body starts with)')
    .option('--reason <text>', `why the rule changes (up to ${MAX_RULE_REASON_LENGTH} characters), kept in the audit log`)
    .action((bodyId: string, o: SelfApprovalOptions) =>
      withContext(async (ctx) => {
        try {
          const db = ctx.database.db;
          const actor = commandLineActor();
          const allowed = chosenRule(o);
          if (allowed === undefined) {
            const rules = await getSubmissionRules(db, actor, bodyId);
            io.out(`${ruleInWords(rules.bodyName, rules.selfApprovalAllowed)}.`);
            const last = rules.lastChange;
            io.out(last ? `Last changed by ${last.by} at ${last.at}${last.reason ? `: ${last.reason}` : ''}` : 'Never changed.');
            return;
          }
          const change = await setSelfApproval(db, actor, { bodyId, allowed, reason: o.reason ?? '' }, { clock: ctx.clock });
          io.out(
            change.changed
              ? `${ruleInWords(change.bodyName, allowed)} from now on; the reason is in the audit log.`
              : `${ruleInWords(change.bodyName, allowed)} already; nothing was changed.`,
          );
        } catch (e) {
          return reportError(io, e);
        }
      }),
    );
}
