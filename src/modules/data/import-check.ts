/**
 * Checking rows exactly as an import would — the same readers, resolver and row checks — and
 * comparing every good row with the published figures, without writing anything: a submission's
 * validation report, and the rows a draft submission keeps.
 */
import type { ProblemDetail } from '../../platform/errors.ts';
import type { Period } from '../periods/index.ts';
import { ImportPipeline, type RowOutcome } from './import-pipeline.ts';
import { ImportResolver } from './import-resolver.ts';
import type { Executor, ObservationFigures } from './observation.types.ts';
import type { ObservationWriter } from './observation-rows.ts';
import { kyselyObservationWriter } from './observation-write.repository.ts';
import type { ObservationSource } from './readers/source.ts';

/** A good row, resolved (indicator code, area code, period), and what it would do if published now. */
export interface CheckedObservation {
  line: number;
  indicatorCode: string;
  areaCode: string;
  period: Period;
  figures: ObservationFigures;
  outcome: RowOutcome;
}

export interface SourceCheck {
  reader: string;
  rowsRead: number;
  problemCount: number;
  /** the first MAX_LISTED_PROBLEMS problems, in line order */
  problems: ProblemDetail[];
  /** every good row, in the order read */
  rows: CheckedObservation[];
}

export async function checkObservationSource(db: Executor, source: ObservationSource): Promise<SourceCheck> {
  const resolver = new ImportResolver(db, { scheme: source.indicatorScheme, hint: source.unknownIndicatorHint });
  const rows: CheckedObservation[] = [];
  const record = {
    kind: 'check',
    fileName: '',
    fileSha256: '',
    reader: source.reader,
    importedAt: '',
    actor: null,
    sourceBodyId: null,
  };
  const pipeline = new ImportPipeline(db, readOnly(await kyselyObservationWriter(db)), resolver, source, record, {
    dryRun: true,
    observe: (r, outcome) =>
      rows.push({
        line: r.line,
        indicatorCode: r.indicatorCode,
        areaCode: r.areaCode,
        period: r.period,
        figures: r.figures,
        outcome,
      }),
  });
  for await (const batch of source.batches) await pipeline.accept(batch);
  return {
    reader: source.reader,
    rowsRead: pipeline.rowsRead,
    problemCount: pipeline.problemCount,
    problems: pipeline.listedProblems(),
    rows,
  };
}

/** The writer's look-ups only; a dry run that tried to write would be a bug. */
function readOnly(writer: ObservationWriter): ObservationWriter {
  const refuse = async () => {
    throw new Error('a dry run does not write observations');
  };
  return {
    hasCurrent: (indicator, period) => writer.hasCurrent(indicator, period),
    findCurrent: (indicator, period, areas) => writer.findCurrent(indicator, period, areas),
    supersede: refuse,
    insert: refuse,
    finish: async () => {},
    close: async () => {},
  };
}
