/**
 * One import, batch by batch: check every row, and while no row has failed write each batch's
 * figures as revisions (first revision, unchanged, or a new revision superseding the current one).
 * Once any row fails, writing stops but checking goes on, so every bad row is reported; the caller
 * then rolls the transaction back.
 *
 * A dry run (a submission's validation report) checks the same way and compares every good row with
 * the published figures, but writes nothing: the writer is only read from.
 */
import { ValidationError, type ProblemDetail } from '../../platform/errors.ts';
import { checkFigures, sameFigures } from './figures.ts';
import { IdentitySet } from './identity-set.ts';
import { insertImportBatch, updateImportBatchCounts } from './import-batch.repository.ts';
import type { ImportResolver, PairEntry } from './import-resolver.ts';
import type { Executor, SourceRow } from './observation.types.ts';
import type { NewRevision, ObservationWriter } from './observation-rows.ts';
import type { ObservationSource, SourceBatch } from './readers/source.ts';

/** Problems listed in a refusal; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 1000;

/** A row that passed every check, ready to be written once its revision number is known. */
export interface CheckedRow extends NewRevision {
  pair: PairEntry;
  line: number;
}

/** What a good row would do to the published figures. */
export type RowOutcome = 'new' | 'revised' | 'unchanged';

export interface PipelineMode {
  /** compare with the published figures, but write nothing (no revision, no import batch) */
  dryRun: boolean;
  /** told of every good row and its outcome (in a dry run, even once other rows have failed) */
  observe?: (row: CheckedRow, outcome: RowOutcome) => void;
}

export interface ImportRecord {
  kind: string;
  fileName: string;
  fileSha256: string;
  reader: string;
  importedAt: string;
  actor: string | null;
  sourceBodyId: string | null;
}

export class ImportPipeline {
  readonly problems: ProblemDetail[] = [];
  problemCount = 0;
  rowsRead = 0;
  rowsWritten = 0;
  rowsUnchanged = 0;
  /** good rows with no current figure, and rows differing from the current one (written or, in a dry run, not) */
  rowsNew = 0;
  rowsRevised = 0;
  private importId: number | undefined;
  private readonly identities = new IdentitySet();
  private readonly scratch: ProblemDetail[] = [];

  constructor(
    private readonly db: Executor,
    private readonly writer: ObservationWriter,
    private readonly resolver: ImportResolver,
    private readonly source: ObservationSource,
    private readonly record: ImportRecord,
    private readonly mode: PipelineMode = { dryRun: false },
  ) {}

  /** The import batch written so far, if any. */
  get batchId(): number | undefined {
    return this.importId;
  }

  async accept(batch: SourceBatch): Promise<void> {
    this.rowsRead += batch.rows.length + batch.problems.length;
    for (const p of batch.problems) this.report(p);
    await this.resolver.prime(batch.rows);
    const checked: CheckedRow[] = [];
    for (const row of batch.rows) {
      const c = this.check(row);
      if (c) checked.push(c);
    }
    if (this.problemCount === 0 || this.mode.dryRun) await this.write(checked);
  }

  /** The problems listed (the first MAX_LISTED_PROBLEMS), in line order. */
  listedProblems(): ProblemDetail[] {
    return [...this.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  }

  /** The error refusing the whole import, listing the first MAX_LISTED_PROBLEMS problems. */
  refusal(fileName: string): ValidationError {
    const more = this.problemCount - this.problems.length;
    const listed = this.listedProblems();
    const details = more > 0 ? [...listed, { reason: `and ${more} more problems not listed` }] : listed;
    const rows = this.problemCount === 1 ? '1 problem' : `${this.problemCount} problems`;
    return new ValidationError(`${fileName}: ${rows} found; nothing was imported`, details);
  }

  /** Records (or completes) the import_batch row; only an import that changed something has one. */
  async recordBatch(): Promise<void> {
    const counts = { rowsRead: this.rowsRead, rowsWritten: this.rowsWritten, rowsUnchanged: this.rowsUnchanged };
    if (this.importId === undefined) this.importId = await insertImportBatch(this.db, { ...this.batchRow(), ...counts });
    else await updateImportBatchCounts(this.db, this.importId, counts);
  }

  private report(p: ProblemDetail): void {
    this.problemCount++;
    if (this.problems.length < MAX_LISTED_PROBLEMS) this.problems.push(p);
  }

  private check(row: SourceRow): CheckedRow | undefined {
    const before = this.problemCount;
    const indicator = this.resolver.indicator(row.indicator);
    if (typeof indicator === 'string')
      this.report({ line: row.line, field: 'indicator', value: row.indicator ?? '', reason: indicator });
    const area = this.resolver.area(row.area);
    if (!area) this.report({ line: row.line, field: 'area', value: row.area ?? '', reason: unknownArea(row.area) });
    const pair = typeof indicator === 'string' ? undefined : this.resolver.pair(indicator, row.period);
    if (typeof pair === 'string') this.report({ line: row.line, field: 'period', value: row.period ?? '', reason: pair });
    const figures = checkFigures(row, this.scratch);
    if (this.scratch.length > 0) {
      for (const p of this.scratch) this.report(p);
      this.scratch.length = 0;
    }
    if (typeof indicator !== 'string' && this.source.checkRow) {
      const p = this.source.checkRow(row, indicator.definition);
      if (p) this.report(p);
    }
    if (this.problemCount > before || !figures || !area || pair === undefined || typeof pair === 'string') return undefined;
    const first = this.identities.add(pair.id, area.index, row.line);
    if (first !== 0) {
      this.report({
        line: row.line,
        field: 'period',
        value: row.period ?? '',
        reason: `the same indicator, area and period as line ${first}`,
      });
      return undefined;
    }
    const entry = pair.indicator;
    return {
      pair,
      line: row.line,
      indicatorCode: entry.code,
      indicatorVersion: entry.definition.version,
      areaCode: area.code,
      period: pair.period,
      figures,
      revision: 1,
    };
  }

  private async write(rows: CheckedRow[]): Promise<void> {
    const inserts: NewRevision[] = [];
    const superseded: number[] = [];
    const observe = this.mode.observe;
    for (const [pair, group] of groupByPair(rows)) {
      pair.hasCurrent ??= await this.writer.hasCurrent(pair.indicator.code, pair.period.key);
      if (!pair.hasCurrent) {
        for (const r of group) {
          inserts.push(r);
          observe?.(r, 'new');
        }
        this.rowsNew += group.length;
        continue;
      }
      const current = new Map(
        (
          await this.writer.findCurrent(
            pair.indicator.code,
            pair.period.key,
            group.map((r) => r.areaCode),
          )
        ).map((c) => [c.areaCode, c]),
      );
      for (const r of group) {
        const c = current.get(r.areaCode);
        if (c && sameFigures(c.figures, r.figures)) {
          this.rowsUnchanged++;
          observe?.(r, 'unchanged');
        } else {
          if (c) superseded.push(c.id);
          r.revision = c ? c.revision + 1 : 1;
          inserts.push(r);
          if (c) this.rowsRevised++;
          else this.rowsNew++;
          observe?.(r, c ? 'revised' : 'new');
        }
      }
    }
    if (inserts.length === 0 || this.mode.dryRun) return;
    this.importId ??= await insertImportBatch(this.db, { ...this.batchRow(), rowsRead: 0, rowsWritten: 0, rowsUnchanged: 0 });
    await this.writer.supersede(superseded, this.record.importedAt);
    await this.writer.insert(inserts, {
      publishedAt: this.record.importedAt,
      importId: this.importId,
      sourceBodyId: this.record.sourceBodyId,
    });
    this.rowsWritten += inserts.length;
  }

  private batchRow() {
    const r = this.record;
    return {
      kind: r.kind,
      fileName: r.fileName,
      fileSha256: r.fileSha256,
      reader: r.reader,
      rowsRejected: 0,
      importedAt: r.importedAt,
      actor: r.actor,
    };
  }
}

function unknownArea(cell: SourceRow['area']): string {
  const code = String(cell ?? '').trim();
  return code === '' ? 'the area is empty' : `${code} is not a known area code (areas come from the places module)`;
}

function groupByPair(rows: readonly CheckedRow[]): Map<PairEntry, CheckedRow[]> {
  const groups = new Map<PairEntry, CheckedRow[]>();
  for (const r of rows) {
    const g = groups.get(r.pair);
    if (g) g.push(r);
    else groups.set(r.pair, [r]);
  }
  return groups;
}
