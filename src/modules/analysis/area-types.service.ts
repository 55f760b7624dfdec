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
  return new Set((await countByType(db, codes)).keys());
}

/**
 * How many of the codes are areas of each type, reading few areas: the codes are those of stored
 * figures (so of known areas); beyond an entity's sample, a code is taken to be of its entity's type.
 */
export async function countByType(db: Executor, codes: readonly string[]): Promise<Map<AreaType, number>> {
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
  const counts = new Map<AreaType, number>();
  const add = (type: AreaType, n: number) => counts.set(type, (counts.get(type) ?? 0) + n);
  for (const code of other) {
    const area = sample.get(code);
    if (area) add(area.type, 1);
  }
  // An entity whose sample disagrees, or holds codes of no area, is read in full.
  const mixed: string[] = [];
  for (const list of byEntity.values()) {
    const seen = new Set(list.slice(0, SAMPLE).map((c) => sample.get(c)?.type));
    const [only] = seen;
    if (seen.size === 1 && only !== undefined) add(only, list.length);
    else mixed.push(...list);
  }
  if (mixed.length > 0) for (const a of (await getAreas(db, mixed)).values()) add(a.type, 1);
  return counts;
}
