/**
 * Which area types a set of codes covers, reading few areas: every code with one GSS entity code
 * (the first three characters: E05 electoral wards, E07 districts, …) is one kind of area, so a
 * few of each are read; codes that are not GSS codes, and entities whose sample disagrees or names
 * codes of no area, are read in full.
 */
import { getAreas, type AreaType } from '../places/index.ts';
import type { Executor } from './executor.ts';

const SAMPLE = 3;
const GSS = /^[EWSN]\d{8}$/;

export async function typesAmong(db: Executor, codes: readonly string[]): Promise<Set<AreaType>> {
  const byEntity = new Map<string, string[]>();
  const other: string[] = [];
  for (const code of codes) {
    if (!GSS.test(code)) other.push(code);
    else {
      const list = byEntity.get(code.slice(0, 3));
      if (list) list.push(code);
      else byEntity.set(code.slice(0, 3), [code]);
    }
  }
  const sample = await getAreas(db, [...[...byEntity.values()].flatMap((list) => list.slice(0, SAMPLE)), ...other]);
  const types = new Set([...sample.values()].map((a) => a.type));
  // An entity whose sample disagrees, or holds codes of no area, is read in full.
  const mixed = [...byEntity.values()].filter((list) => {
    const seen = new Set(list.slice(0, SAMPLE).map((c) => sample.get(c)?.type));
    return seen.size > 1 || seen.has(undefined);
  });
  if (mixed.length > 0) for (const a of (await getAreas(db, mixed.flat())).values()) types.add(a.type);
  return types;
}
