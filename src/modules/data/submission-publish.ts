/**
 * Publishing a submission: its stored rows go through the importer like any file — checked again,
 * written as revisions (new, unchanged, or superseding the current figure), with an import batch
 * named after the submission's file — inside the caller's transaction.
 */
import type { Clock } from '../../platform/clock.ts';
import type { ImportSummary } from '../../platform/import-summary.ts';
import type { Actor } from '../accounts/index.ts';
import { runImportWithBatch } from './import.service.ts';
import type { Executor, SourceRow } from './observation.types.ts';
import type { ObservationSource, SourceBatch } from './readers/source.ts';
import { findSubmissionRows, type SubmissionRow, type SubmissionRowsRow } from './submission.repository.ts';

const BATCH = 10_000;

export async function publishSubmissionRows(
  trx: Executor,
  actor: Actor,
  submission: SubmissionRow,
  clock: Clock,
): Promise<{ importId: number | undefined; summary: ImportSummary }> {
  const rows = await findSubmissionRows(trx, submission.id);
  const source: ObservationSource = { reader: 'submission', batches: batchesOf(rows), expectedRows: rows.length };
  const file = { fileName: submission.file_name, fileSha256: submission.file_sha256, kind: 'submission' };
  // The submission's own audit event says what was published; the import records none of its own.
  return runImportWithBatch(trx, source, { clock, actor, sourceBodyId: submission.body_id }, file, { audit: false });
}

function* batchesOf(rows: readonly SubmissionRowsRow[]): Generator<SourceBatch> {
  for (let i = 0; i < rows.length; i += BATCH) yield { rows: rows.slice(i, i + BATCH).map(toSourceRow), problems: [] };
}

/** A stored row as a reader would hand it over: resolved codes and the period key read back exactly. */
function toSourceRow(r: SubmissionRowsRow): SourceRow {
  return {
    line: r.line,
    indicator: r.indicator_code,
    area: r.area_code,
    period: r.period,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    sampleSize: r.sample_size,
    ciLower: r.ci_lower,
    ciUpper: r.ci_upper,
    status: r.status,
  };
}
