/** Exporting areas in the documented area format, which importAreaFile reads back. */
import { ValidationError } from '../../platform/errors.ts';
import { AREA_TYPES, isAreaType } from './area.types.ts';
import { toArea } from './area.mapper.ts';
import * as repo from './area.repository.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { type ExportedArea, writeGenericAreaCsv, writeGenericAreaJson } from './readers/generic-areas-writer.ts';

export interface AreaExportQuery {
  /** one area type, or several; all areas when left out (an unknown type is a ValidationError) */
  type?: string | readonly string[];
  format: 'csv' | 'json';
}

export async function exportAreas(db: Executor, q: AreaExportQuery): Promise<string> {
  const types = q.type === undefined ? undefined : typeof q.type === 'string' ? [q.type] : q.type;
  const unknown = (types ?? []).filter((t) => !isAreaType(t));
  if (unknown.length > 0)
    throw new ValidationError(
      'Unknown area type',
      unknown.map((t) => ({ field: 'type', value: t, reason: `is not one of ${AREA_TYPES.join(', ')}` })),
    );
  const rows = await repo.findAreaRowsForExport(db, types);
  const codes = rows.map((r) => r.code);
  const parentsOf = group(await repo.findCurrentLinks(db, 'child_code', codes), 'child_code', 'parent_code');
  const neighbourhoods = rows.filter((r) => r.type === 'neighbourhood').map((r) => r.code);
  const blocksOf = group(await repo.findCurrentLinks(db, 'parent_code', neighbourhoods), 'parent_code', 'child_code');
  const areas: ExportedArea[] = rows.map((r) => ({
    ...toArea(r),
    parentCodes: parentsOf.get(r.code) ?? [],
    buildingBlocks: blocksOf.get(r.code) ?? [],
  }));
  if (q.format === 'json') return writeGenericAreaJson(areas);
  return writeGenericAreaCsv(areas);
}

function group<K extends string>(links: readonly Record<K, string>[], key: K, value: K): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const l of links) out.set(l[key], [...(out.get(l[key]) ?? []), l[value]]);
  for (const list of out.values()) list.sort();
  return out;
}
