/**
 * The validation report of an upload, made before anything is written: the tidy format read by the
 * importer's own readers and checked by its own pipeline, plus one rule of submissions — a body
 * submits figures only for the indicators it owns or a collection round asks it to supply.
 */
import { createHash } from 'node:crypto';
import { ValidationError, type ProblemDetail } from '../../platform/errors.ts';
import { isJsonFile, type SubmittedFile } from '../../platform/files.ts';
import { type Actor, requirePermission } from '../accounts/index.ts';
import { type Body, getBody } from '../bodies/index.ts';
import type { IndicatorDefinition } from '../indicators/index.ts';
import { findIndicatorsAskedOf } from './deadline.repository.ts';
import { checkObservationSource, type CheckedObservation, type SourceCheck } from './import-check.ts';
import type { Executor, SourceRow } from './observation.types.ts';
import type { ObservationSource } from './readers/source.ts';
import { tidyCsvSource } from './readers/tidy-csv.ts';
import { tidyJsonSource } from './readers/tidy-json.ts';
import { summariseRows } from './submission-summary.ts';
import type { SubmissionFormat, SubmissionReport, SubmissionUpload } from './submission.types.ts';

/** The report on an upload, without writing anything. The actor must be able to submit for the body. */
export async function checkSubmission(db: Executor, actor: Actor, upload: SubmissionUpload): Promise<SubmissionReport> {
  return (await checkUpload(db, actor, upload)).report;
}

/** The report and, when it is good, every checked row. */
export async function checkUpload(
  db: Executor,
  actor: Actor,
  upload: SubmissionUpload,
): Promise<{ report: SubmissionReport; rows: CheckedObservation[] }> {
  requirePermission(actor, 'submit_observations', { bodyId: upload.bodyId });
  const body = await getBody(db, upload.bodyId);
  if (!body)
    throw new ValidationError(`No body ${upload.bodyId}`, [
      { field: 'bodyId', value: upload.bodyId, reason: 'is not a known body' },
    ]);
  const { file } = upload;
  const format: SubmissionFormat = isJsonFile(file) ? 'json' : 'csv';
  const base = {
    bodyId: body.id,
    fileName: file.name,
    fileSha256: createHash('sha256').update(file.content).digest('hex'),
    format,
  };
  const checked = await checkFile(db, body, file, format);
  const problems = [...checked.problems];
  let problemCount = checked.problemCount;
  if (problemCount === 0 && checked.rows.length === 0) {
    problems.push({ line: 2, reason: 'the file holds no observations' });
    problemCount = 1;
  }
  const report: SubmissionReport = {
    ...base,
    ok: problemCount === 0,
    reader: checked.reader,
    problemCount,
    problems,
    summary: summariseRows(checked.rowsRead, checked.rows.map(counted)),
  };
  return { report, rows: report.ok ? checked.rows : [] };
}

/** Problems with the file as a whole (not UTF-8, not the tidy header, not JSON) are problems of the report too. */
async function checkFile(db: Executor, body: Body, file: SubmittedFile, format: SubmissionFormat): Promise<SourceCheck> {
  const reader = format === 'json' ? 'tidy-json' : 'tidy-csv';
  try {
    const source = format === 'json' ? tidyJsonSource(file, {}) : tidyCsvSource(file, {});
    return await checkObservationSource(db, onlyTheirIndicators(source, body, new Set(await findIndicatorsAskedOf(db, body.id))));
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const problems: ProblemDetail[] = error.details.length > 0 ? error.details : [{ reason: error.message }];
    return { reader, rowsRead: 0, problemCount: problems.length, problems, rows: [] };
  }
}

function onlyTheirIndicators(source: ObservationSource, body: Body, asked: ReadonlySet<string>): ObservationSource {
  const own = source.checkRow;
  return {
    ...source,
    checkRow: (row: SourceRow, definition: IndicatorDefinition) =>
      own?.(row, definition) ??
      (definition.ownerBodyId === body.id || asked.has(definition.code)
        ? undefined
        : { line: row.line, field: 'indicator', value: row.indicator ?? '', reason: notTheirs(body, definition) }),
  };
}

function notTheirs(body: Body, definition: IndicatorDefinition): string {
  const whose = definition.ownerBodyId === null ? 'a national indicator' : `an indicator of ${definition.ownerBodyId}`;
  return `${body.name} may not submit figures for ${definition.code}: it is ${whose}, and no collection round asks ${body.name} to supply it`;
}

const counted = (r: CheckedObservation) => ({
  indicatorCode: r.indicatorCode,
  areaCode: r.areaCode,
  period: r.period.key,
  outcome: r.outcome,
});
