/** Keeping boundary files (GeoJSON or TopoJSON) for maps: import, read, list. */
import type { Clock } from '../../platform/clock.ts';
import { ValidationError } from '../../platform/errors.ts';
import { type SubmittedFile, decodeUtf8, readJson } from '../../platform/files.ts';
import type { ImportSummary, ProgressListener } from '../../platform/import-summary.ts';
import type { BoundaryFormat, BoundarySet, BoundarySetSummary, Page } from './area.types.ts';
import * as repo from './boundary.repository.ts';
import { type Executor, inTransaction } from '../../platform/db/executor.ts';
import { boundaryIdFromName, inspectBoundaryFile } from './readers/boundary-file.ts';
import { yearInName } from './readers/ward-geojson.ts';

export const DEFAULT_BOUNDARY_LICENCE = 'Open Government Licence v3.0';
export const DEFAULT_BOUNDARY_ATTRIBUTION =
  'Contains public sector information licensed under the Open Government Licence v3.0. Contains OS data © Crown copyright and database right';

export interface BoundaryImportOptions {
  clock: Clock;
  onProgress?: ProgressListener;
  /** defaults: id from the file name, title from the file's "name" or its id, vintage the year in the file name */
  id?: string;
  title?: string;
  areaType?: string;
  vintage?: string;
  licence?: string;
  attribution?: string;
}

export async function importBoundaryFile(db: Executor, file: SubmittedFile, opts: BoundaryImportOptions): Promise<ImportSummary> {
  const content = decodeUtf8(file);
  const inspection = inspectBoundaryFile(readJson({ name: file.name, content }));
  if (!inspection.ok)
    throw new ValidationError(`${file.name} is not a usable boundary file; nothing was imported`, inspection.problems);
  const { info } = inspection;
  const id = opts.id ?? boundaryIdFromName(file.name);
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(id))
    throw new ValidationError(`${file.name}: cannot make a boundary set id from the name`, [
      { field: 'id', value: id, reason: 'use lower-case letters, digits and hyphens' },
    ]);
  const year = yearInName(file.name);
  const wanted = {
    id,
    title: opts.title ?? info.name ?? id.replace(/-/g, ' '),
    format: info.format,
    area_type: opts.areaType ?? info.areaType,
    vintage: opts.vintage ?? (year ? String(year) : null),
    licence: opts.licence ?? DEFAULT_BOUNDARY_LICENCE,
    attribution: opts.attribution ?? DEFAULT_BOUNDARY_ATTRIBUTION,
    content,
  };
  const summary = {
    reader: info.format,
    rowsRead: info.featureCount,
    rowsWritten: 0,
    rowsUnchanged: 0,
    rowsRejected: 0,
    problems: [],
  };
  return inTransaction(db, async (trx) => {
    const recorded = await repo.findBoundarySetRow(trx, id);
    const row = { ...wanted, imported_at: opts.clock.now().toISOString() };
    if (recorded && sameBoundarySet(recorded, row)) return { ...summary, rowsUnchanged: info.featureCount };
    await (recorded ? repo.updateBoundarySetRow(trx, row) : repo.insertBoundarySetRow(trx, row));
    opts.onProgress?.(info.featureCount, info.featureCount);
    return { ...summary, rowsWritten: info.featureCount };
  });
}

function sameBoundarySet(a: repo.BoundarySetRow, b: repo.BoundarySetRow): boolean {
  return (['title', 'format', 'area_type', 'vintage', 'licence', 'attribution', 'content'] as const).every((k) => a[k] === b[k]);
}

function toSummary(row: repo.BoundarySetSummaryRow): BoundarySetSummary {
  return {
    id: row.id,
    title: row.title,
    format: row.format as BoundaryFormat,
    areaType: row.area_type,
    vintage: row.vintage,
    licence: row.licence,
    attribution: row.attribution,
    importedAt: row.imported_at,
  };
}

export async function getBoundarySet(db: Executor, id: string): Promise<BoundarySet | undefined> {
  const row = await repo.findBoundarySetRow(db, id);
  return row ? { ...toSummary(row), content: row.content } : undefined;
}

/** Boundary sets without their content, by id. */
export async function listBoundarySets(
  db: Executor,
  page: Page = { limit: 100, offset: 0 },
): Promise<{ items: BoundarySetSummary[]; total: number }> {
  const { rows, total } = await repo.listBoundarySetRows(db, page);
  return { items: rows.map(toSummary), total };
}
