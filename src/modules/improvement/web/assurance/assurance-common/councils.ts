/** Every council's name and type, as the bodies have them, for the pages' filters and names. */
import type { Executor } from '../../../../../platform/db/executor.ts';
import { listBodies } from '../../../../bodies/index.ts';

export interface CouncilName {
  id: string;
  name: string;
  councilType: string | null;
}

/** Councils by id, in name order. */
export async function councilsOf(db: Executor): Promise<Map<string, CouncilName>> {
  const { items } = await listBodies(db, { kind: 'council', limit: 100_000, offset: 0 });
  return new Map(items.map((b) => [b.id, { id: b.id, name: b.name, councilType: b.councilType }]));
}

export const typesOf = (councils: ReadonlyMap<string, CouncilName>): Map<string, string | null> =>
  new Map([...councils.values()].map((c) => [c.id, c.councilType]));
