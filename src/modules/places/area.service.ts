/** Reading areas: the public read functions of places (see docs/module-contracts.md). */
import type { AreaSuccessor, Area, AreaType } from './area.types.ts';
import { toArea } from './area.mapper.ts';
import * as repo from './area.repository.ts';
import type { Executor } from '../../platform/db/executor.ts';

export async function getArea(db: Executor, code: string): Promise<Area | undefined> {
  const row = await repo.findArea(db, code);
  return row ? toArea(row) : undefined;
}

export async function getAreas(db: Executor, codes: readonly string[]): Promise<Map<string, Area>> {
  const rows = await repo.findAreas(db, codes);
  return new Map(rows.map((r) => [r.code, toArea(r)]));
}

export async function searchAreas(
  db: Executor,
  q: { q?: string; type?: AreaType; limit: number; offset: number },
): Promise<{ items: Area[]; total: number }> {
  const { rows, total } = await repo.searchAreaRows(db, q);
  return { items: rows.map(toArea), total };
}

/** Current direct parents. */
export async function getParents(db: Executor, code: string): Promise<Area[]> {
  return (await repo.findParentRows(db, code)).map(toArea);
}

/** Current direct children, optionally of one type, by name. */
export async function getChildren(db: Executor, code: string, type?: AreaType): Promise<Area[]> {
  return (await repo.findChildRows(db, code, type)).map(toArea);
}

/** Every area below `ancestor` through current links (not the ancestor itself), optionally of some types. */
export async function getDescendantCodes(db: Executor, ancestor: string, types?: readonly AreaType[]): Promise<string[]> {
  return repo.findDescendantCodes(db, ancestor, types);
}

/**
 * getDescendantCodes for many ancestors in one query: each ancestor given (once) maps to its
 * descendants' codes in code order, an empty list when it has none.
 */
export async function getDescendantCodesMany(
  db: Executor,
  ancestors: readonly string[],
  types?: readonly AreaType[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(ancestors.map((a) => [a, []]));
  for (const r of await repo.findDescendantCodesMany(db, ancestors, types)) out.get(r.ancestor_code)?.push(r.descendant_code);
  return out;
}

/** Every area above `code` through current links, nearest first (depth 1 = a parent); not the area itself. */
export async function getAncestors(db: Executor, code: string): Promise<(Area & { depth: number })[]> {
  const rows = await repo.findAncestorRows(db, code);
  return rows.map((r) => ({ ...toArea(r), depth: Number(r.depth) }));
}

/** Codes of current areas (no valid_to) of these types. */
export async function listAreaCodesByType(db: Executor, types: readonly AreaType[]): Promise<string[]> {
  return repo.findCurrentCodesByType(db, types);
}

/** The codes that took over from `code` (direct successors only), oldest change first. */
export async function getSuccessors(db: Executor, code: string): Promise<AreaSuccessor[]> {
  return (await repo.findSuccessorRows(db, code)).map((r) => ({
    code: r.new_code,
    changeType: r.change_type,
    effectiveDate: r.effective_date,
  }));
}

/** The codes `code` took over from. */
export async function getPredecessors(db: Executor, code: string): Promise<AreaSuccessor[]> {
  return (await repo.findPredecessorRows(db, code)).map((r) => ({
    code: r.old_code,
    changeType: r.change_type,
    effectiveDate: r.effective_date,
  }));
}

/** The area known by another scheme's identifier, e.g. ('mysociety-la', 'TRF') → 'E08000009'. */
export async function findAreaCodeByIdentifier(db: Executor, scheme: string, identifier: string): Promise<string | undefined> {
  return repo.findAreaCodeByIdentifier(db, scheme, identifier);
}

export async function getAreaIdentifiers(db: Executor, code: string): Promise<{ scheme: string; identifier: string }[]> {
  return repo.findIdentifiersOf(db, code);
}
