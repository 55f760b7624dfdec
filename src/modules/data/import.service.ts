/**
 * Importing observations: a file of any shape the readers know, or rows from code (the benchmark,
 * other importers). All or nothing, in one transaction; the same figures again change nothing and
 * leave no import_batch row.
 */
import { createHash } from 'node:crypto';
import { isoInstant } from '../../platform/clock.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { SubmittedFile } from '../../platform/files.ts';
import type { ImportSummary } from '../../platform/import-summary.ts';
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

async function* rowBatches(rows: Iterable<TidyRow> | AsyncIterable<TidyRow>, size: number, indicator?: string): AsyncGenerator<SourceBatch> {
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

async function runImport(db: Executor, source: ObservationSource, opts: ImportOptions, file: { fileName: string; fileSha256: string }): Promise<ImportSummary> {
  const importedAt = isoInstant(opts.clock.now());
  const work = async (trx: Executor): Promise<ImportSummary> => {
    const onlyIndicator = await requiredIndicator(trx, opts.indicator);
    const definitionsChanged = source.prepare ? await source.prepare(trx, opts.clock) : 0;
    const resolver = new ImportResolver(trx, { scheme: source.indicatorScheme, hint: source.unknownIndicatorHint, onlyIndicator });
    const record = { kind: 'observations', ...file, reader: source.reader, importedAt, actor: opts.actor ?? null, sourceBodyId: opts.sourceBodyId ?? null };
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
    return {
      reader: source.reader,
      rowsRead: pipeline.rowsRead,
      rowsWritten: pipeline.rowsWritten,
      rowsUnchanged: pipeline.rowsUnchanged,
      rowsRejected: 0,
      ...(source.skipped ? { skipped: source.skipped } : {}),
      problems: [],
    };
  };
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

async function requiredIndicator(db: Executor, indicator: string | undefined): Promise<string | undefined> {
  if (indicator === undefined) return undefined;
  const code = await resolveIndicatorCode(db, indicator);
  if (!code) throw new ValidationError(`${indicator} is not a known indicator`, [{ field: 'indicator', value: indicator, reason: 'not a known indicator code or alias' }]);
  return code;
}
