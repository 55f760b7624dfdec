/** Checks the partnership services share: slugs, councils by id, and a partnership's current members. */
import type { Executor } from '../../../platform/db/executor.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import { toPartnership } from './assurance.mapper.ts';
import type { InputReader } from './input.ts';
import { findBodyRows, findMemberRows, findPartnershipRows } from './partnership.repository.ts';
import type { Partnership } from '../improvement.types.ts';

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SLUG = 80;

/** The bodies' names and kinds, by id. */
export async function bodiesById(db: Executor, ids: readonly string[]): Promise<Map<string, { name: string; kind: string }>> {
  return new Map((await findBodyRows(db, [...new Set(ids)])).map((b) => [b.id, { name: b.name, kind: b.kind }]));
}

/**
 * Councils in a list, each checked (known, a council, not twice): problems at `field[i]`.
 * Answers the good ones in their order.
 */
export function checkCouncils(
  r: InputReader,
  field: string,
  ids: readonly string[],
  bodies: Map<string, { name: string; kind: string }>,
): string[] {
  const good: string[] = [];
  ids.forEach((id, i) => {
    const body = bodies.get(id);
    if (!body) r.report(`${field}[${i}]`, id, `no council "${id}"`);
    else if (body.kind !== 'council') r.report(`${field}[${i}]`, id, `is ${body.name}, a ${body.kind}, not a council`);
    else if (good.includes(id)) r.report(`${field}[${i}]`, id, 'is given twice');
    else good.push(id);
  });
  return good;
}

/** A partnership as recorded, or NotFoundError. */
export async function recordedPartnership(db: Executor, id: string): Promise<Partnership> {
  const [row] = await findPartnershipRows(db, [id]);
  if (!row)
    throw new NotFoundError(`No improvement partnership has the id ${id}`, [
      { field: 'partnershipId', value: id, reason: 'is not a known improvement partnership' },
    ]);
  return toPartnership(row, await findMemberRows(db, [id]));
}
