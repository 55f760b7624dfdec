/**
 * `localvision audit export`: the audit log, filtered, as CSV or JSON, on standard output or into a
 * file. The command line reads all of it (whoever runs it already holds the database).
 */
import { writeFileSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import {
  type AuditExportFormat,
  auditExportText,
  type AuditLogFilters,
  cliActor,
  exportAuditLog,
} from '../modules/accounts/index.ts';
import { type CliIo, reportError } from './cli-output.ts';
import type { AppContext } from './context.ts';

type WithContext = (fn: (ctx: AppContext) => Promise<number | void>) => Promise<void>;

interface ExportOptions {
  body?: string;
  indicator?: string;
  person?: string;
  action?: string;
  from?: string;
  to?: string;
  format: AuditExportFormat;
  out?: string;
}

function parseFormat(value: string): AuditExportFormat {
  if (value !== 'csv' && value !== 'json') throw new InvalidArgumentError('format must be csv or json');
  return value;
}

function filtersOf(o: ExportOptions): AuditLogFilters {
  return {
    ...(o.body ? { bodyId: o.body } : {}),
    ...(o.indicator ? { indicatorCode: o.indicator } : {}),
    ...(o.person ? { person: o.person } : {}),
    ...(o.action ? { action: o.action } : {}),
    ...(o.from ? { from: o.from } : {}),
    ...(o.to ? { to: o.to } : {}),
  };
}

export function auditCommands(program: Command, io: CliIo, withContext: WithContext): void {
  program
    .command('audit')
    .description('the audit log of every change')
    .command('export')
    .description('the audit log, newest first, as CSV or JSON (every event that matches, up to 100,000)')
    .requiredOption('--format <format>', 'csv or json', parseFormat)
    .option('--body <id>', 'only events of this body')
    .option('--indicator <code>', 'only events of this indicator')
    .option('--person <email>', 'only what this person did (an email address or a person id)')
    .option('--action <action>', 'an action (role.grant) or its first words (role)')
    .option('--from <date>', 'from this date (YYYY-MM-DD) or instant')
    .option('--to <date>', 'to this date (the whole day) or instant')
    .option('--out <file>', 'write to this file instead of standard output')
    .action((o: ExportOptions) =>
      withContext(async (ctx) => {
        try {
          const rows = await exportAuditLog(ctx.database.db, cliActor(), filtersOf(o));
          const text = auditExportText(rows, o.format);
          if (o.out) {
            writeFileSync(o.out, text);
            io.err(`Wrote ${rows.length} event${rows.length === 1 ? '' : 's'} to ${o.out}`);
          } else io.out(text);
        } catch (e) {
          return reportError(io, e);
        }
      }),
    );
}
