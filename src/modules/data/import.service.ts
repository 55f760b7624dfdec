/**
 * Importing observations: a file of any shape the readers know, or rows from code (the benchmark,
 * other importers). All or nothing, in one transaction; the same figures again change nothing and
 * leave no import_batch row. An import that changes something is recorded in the audit log, in its
 * own transaction, as done by the actor given (the command line unless told otherwise).
 */
import { createHash } from 'node:crypto';
import { isoInstant } from '../../platform/clock.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { SubmittedFile } from '../../platform/files.ts';
import type { ImportSummary } from '../../platform/import-summary.ts';
import { type Actor, auditActorOf, cliActor } from '../accounts/index.ts';
import { recordAudit } from '../audit/index.ts';
import { resolveIndicatorCode } from '../indicators/index.ts';
import { ImportPipeline } from './import-pipeline.ts';
import { ImportResolver } from './import-resolver.ts';
import type { Executor, ImportOptions, SourceRow, TidyRow } from './observation.types.ts';
import { observationWriter } from './observation-writer.ts';
import { observationSource } from './readers/detect.ts';
import type { ObservationSource, SourceBatch } from './readers/source.ts';

export async function importObservations(db: Executor, file: SubmittedFile, opts: ImportOptions): Promise<ImportSummary> {
  const source = observationSource(file, { indicator: opts.indicator, meta: opts.meta });
  const hash = createHash('sha256').update(file.content);
  if (opts.meta) hash.update('\u0000meta\u0000').update(opts.meta.content);
  return runImport(db, source, opts, { fileName: file.name, fileSha256: hash.digest('hex') });
}

export interface RowImportOptions extends Omit<ImportOptions, 'meta'> {
  /** a name for the import batch (default "rows") */
  name?: string;
  /** rows expected, for progress */
  expectedRows?: number;
  /** rows per checked-and-written batch (default 10,000) */
  batchSize?: number;
}

/**
 * Rows in the tidy format from code, streamed in batches: an iterable or async iterable of TidyRow.
 * A row's `line` is its position counted as in a CSV file with a header (the first row is line 2).
 */
export async function importObservationRows(
  db: Executor,
  rows: Iterable<TidyRow> | AsyncIterable<TidyRow>,
  opts: RowImportOptions,
): Promise<ImportSummary> {
  const batches = rowBatches(rows, opts.batchSize ?? 10_000, opts.indicator);
  const source: ObservationSource = { reader: 'tidy-rows', batches, expectedRows: opts.expectedRows ?? 0 };
  return runImport(db, source, opts, { fileName: opts.name ?? 'rows', fileSha256: '' });
}

async function* rowBatches(
  rows: Iterable<TidyRow> | AsyncIterable<TidyRow>,
  size: number,
  indicator?: string,
): AsyncGenerator<SourceBatch> {
  let batch: SourceRow[] = [];
  let line = 1;
  for await (const r of rows) {
    batch.push({
      line: ++line,
      indicator: r.indicator ?? indicator,
      area: r.area,
      period: r.period,
      value: r.value,
      numerator: r.numerator,
      denominator: r.denominator,
      sampleSize: r.sampleSize,
      ciLower: r.ciLower,
      ciUpper: r.ciUpper,
      status: r.status,
    });
    if (batch.length >= size) {
      yield { rows: batch, problems: [] };
      batch = [];
    }
  }
  if (batch.length > 0) yield { rows: batch, problems: [] };
}

/** The import batch's file name and hash; `kind` defaults to "observations". */
export interface ImportFile {
  fileName: string;
  fileSha256: string;
  kind?: string;
}

/** An import's summary and the import batch it wrote (undefined when it changed nothing). */
export interface ImportRun {
  summary: ImportSummary;
  importId: number | undefined;
}

async function runImport(db: Executor, source: ObservationSource, opts: ImportOptions, file: ImportFile): Promise<ImportSummary> {
  return (await runImportWithBatch(db, source, opts, file, { audit: true })).summary;
}

/**
 * One import in one transaction (the caller's, when `db` is one). `audit: false` leaves the audit
 * event to the caller, which records what the import was part of (a submission's publication).
 */
export async function runImportWithBatch(
  db: Executor,
  source: ObservationSource,
  opts: ImportOptions,
  file: ImportFile,
  behaviour: { audit: boolean },
): Promise<ImportRun> {
  const importedAt = isoInstant(opts.clock.now());
  const actor = opts.actor ?? cliActor();
  const work = async (trx: Executor): Promise<ImportRun> => {
    const onlyIndicator = await requiredIndicator(trx, opts.indicator);
    const definitionsChanged = source.prepare ? await source.prepare(trx, opts.clock, actor) : 0;
    const resolver = new ImportResolver(trx, {
      scheme: source.indicatorScheme,
      hint: source.unknownIndicatorHint,
      onlyIndicator,
    });
    const { kind = 'observations', ...named } = file;
    const record = {
      kind,
      ...named,
      reader: source.reader,
      importedAt,
      actor: auditActorOf(actor).label,
      sourceBodyId: opts.sourceBodyId ?? null,
    };
    const writer = await observationWriter(trx, source.expectedRows);
    const pipeline = new ImportPipeline(trx, writer, resolver, source, record);
    try {
      for await (const batch of source.batches) {
        await pipeline.accept(batch);
        opts.onProgress?.(pipeline.rowsRead, Math.max(source.expectedRows, pipeline.rowsRead));
      }
      if (pipeline.problemCount > 0) throw pipeline.refusal(file.fileName);
      await writer.finish();
    } finally {
      await writer.close();
    }
    const skipped = (source.skipped ?? []).reduce((n, s) => n + s.count, 0);
    pipeline.rowsRead += skipped;
    if (pipeline.rowsWritten > 0 || definitionsChanged > 0) await pipeline.recordBatch();
    const summary: ImportSummary = {
      reader: source.reader,
      rowsRead: pipeline.rowsRead,
      rowsWritten: pipeline.rowsWritten,
      rowsUnchanged: pipeline.rowsUnchanged,
      rowsRejected: 0,
      ...(source.skipped ? { skipped: source.skipped } : {}),
      problems: [],
    };
    const importId = pipeline.batchId;
    if (behaviour.audit && importId !== undefined)
      await auditImport(trx, opts, { ...file, actor, importId, onlyIndicator, summary, definitionsChanged });
    return { summary, importId };
  };
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

async function auditImport(
  trx: Executor,
  opts: ImportOptions,
  done: ImportFile & {
    actor: Actor;
    importId: number;
    onlyIndicator: string | undefined;
    summary: ImportSummary;
    definitionsChanged: number;
  },
): Promise<void> {
  const { summary } = done;
  const definitions = done.definitionsChanged > 0 ? `, ${done.definitionsChanged} indicator definitions changed` : '';
  await recordAudit(
    trx,
    {
      actor: auditActorOf(done.actor),
      action: 'observations.import',
      subject: { kind: 'import_batch', id: String(done.importId) },
      bodyId: opts.sourceBodyId ?? null,
      indicatorCode: done.onlyIndicator ?? null,
      after: {
        importId: done.importId,
        fileName: done.fileName,
        fileSha256: done.fileSha256,
        reader: summary.reader,
        rowsRead: summary.rowsRead,
        rowsWritten: summary.rowsWritten,
        rowsUnchanged: summary.rowsUnchanged,
      },
      summary: `Imported ${short(done.fileName)} (${summary.reader}): ${figures(summary.rowsWritten)} written, ${summary.rowsUnchanged} unchanged${definitions}`,
    },
    opts.clock,
  );
}

const figures = (n: number) => `${n} ${n === 1 ? 'figure' : 'figures'}`;
const short = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}…` : text);

async function requiredIndicator(db: Executor, indicator: string | undefined): Promise<string | undefined> {
  if (indicator === undefined) return undefined;
  const code = await resolveIndicatorCode(db, indicator);
  if (!code)
    throw new ValidationError(`${indicator} is not a known indicator`, [
      { field: 'indicator', value: indicator, reason: 'not a known indicator code or alias' },
    ]);
  return code;
}
