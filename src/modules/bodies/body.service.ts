/** Reading bodies: the public read functions of bodies (see docs/module-contracts.md). */
import type { BodyRow } from '../../platform/db/schema.ts';
import { getAncestors } from '../places/index.ts';
import type { Body, BodyArea, BodyKind, Membership, Page } from './body.types.ts';
import * as repo from './body.repository.ts';
import type { Executor } from '../../platform/db/executor.ts';

const ALL: Page = { limit: 500, offset: 0 };

export function toBody(row: BodyRow): Body {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as BodyKind,
    councilType: row.council_type,
    shortName: row.short_name,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    replacedBy: row.replaced_by,
    website: row.website,
  };
}

export async function getBody(db: Executor, id: string): Promise<Body | undefined> {
  const row = await repo.findBodyRow(db, id);
  return row ? toBody(row) : undefined;
}

export async function listBodies(
  db: Executor,
  q: { kind?: BodyKind; q?: string; limit: number; offset: number },
): Promise<{ items: Body[]; total: number }> {
  const { rows, total } = await repo.searchBodyRows(db, q);
  return { items: rows.map(toBody), total };
}

/** The body holding another scheme's identifier, e.g. ('mysociety-la', 'TRF'). */
export async function findBodyByIdentifier(db: Executor, scheme: string, identifier: string): Promise<Body | undefined> {
  const id = await repo.findBodyIdByIdentifier(db, scheme, identifier);
  return id ? getBody(db, id) : undefined;
}

/** The areas a body governs or serves. */
export async function getBodyAreas(db: Executor, bodyId: string): Promise<BodyArea[]> {
  const rows = await repo.findBodyAreaRows(db, [bodyId]);
  return rows.map((r) => ({ areaCode: r.area_code, role: r.role, tier: r.tier, validFrom: r.valid_from, validTo: r.valid_to }));
}

/**
 * The councils governing an area or any area above it (through current parent links), nearest
 * first: a Kent ward gives its district council (lower) and Kent County Council (upper); a
 * Trafford ward gives Trafford Council (single) and the Greater Manchester Combined Authority (combined).
 */
export async function councilsForArea(db: Executor, areaCode: string): Promise<(Body & { tier: string | null })[]> {
  const ancestors = await getAncestors(db, areaCode);
  const depth = new Map<string, number>([[areaCode, 0], ...ancestors.map((a): [string, number] => [a.code, a.depth])]);
  const rows = await repo.findGoverningCouncils(db, [...depth.keys()]);
  rows.sort((a, b) => (depth.get(a.area_code) ?? 0) - (depth.get(b.area_code) ?? 0) || a.name.localeCompare(b.name));
  const councils = new Map<string, Body & { tier: string | null }>();
  for (const r of rows) if (!councils.has(r.id)) councils.set(r.id, { ...toBody(r), tier: r.tier });
  return [...councils.values()];
}

/** The members of a partnership (an LSP's council and partners), by name. */
export async function listMembers(
  db: Executor,
  bodyId: string,
  page: Page = ALL,
): Promise<{ items: Membership[]; total: number }> {
  const { rows, total } = await repo.findMembers(db, bodyId, page);
  return { items: rows.map(toMembership), total };
}

/** The partnerships a body is a member of, by name. */
export async function listMemberships(
  db: Executor,
  bodyId: string,
  page: Page = ALL,
): Promise<{ items: Membership[]; total: number }> {
  const { rows, total } = await repo.findMemberships(db, bodyId, page);
  return { items: rows.map(toMembership), total };
}

function toMembership(
  row: BodyRow & { member_role: string | null; member_from: string | null; member_to: string | null },
): Membership {
  const { member_role, member_from, member_to, ...body } = row;
  return { body: toBody(body), role: member_role, validFrom: member_from, validTo: member_to };
}
