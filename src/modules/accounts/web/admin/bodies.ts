/** The bodies the administration pages name and offer in their lists. */
import type { Executor } from '../../../../platform/db/executor.ts';
import { type Body, getBody, listBodies } from '../../../bodies/index.ts';

/** Every body (for a form's list of bodies), with their names by id. */
export async function allBodies(db: Executor): Promise<{ bodies: Body[]; names: Map<string, string> }> {
  const { items } = await listBodies(db, { limit: 100_000, offset: 0 });
  return { bodies: items, names: new Map(items.map((b) => [b.id, b.name])) };
}

/** The names of these bodies, by id (ids of bodies no longer recorded are left out). */
export async function bodyNames(db: Executor, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(ids)) {
    if (id === null) continue;
    const body = await getBody(db, id);
    if (body) names.set(id, body.name);
  }
  return names;
}
