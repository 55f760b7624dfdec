/**
 * Which areas an area is compared with. Built-in groups are computed from the area hierarchy when
 * asked for; stored groups come from imported files.
 */
import { getIndicator } from '../indicators/index.ts';
import {
  getAncestors,
  getArea,
  getAreas,
  getDescendantCodes,
  listAreaCodesByType,
  type Area,
  type AreaType,
} from '../places/index.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { ENGLAND, pluralOf, tierOf } from './area-types.ts';
import {
  findGroupRows,
  findGroupRowsByAnchor,
  findMembers,
  listGroupRows,
  type ComparatorGroupRow,
} from './comparator-group.repository.ts';
import type {
  BuiltInGroup,
  ComparatorGroupKind,
  ResolvedComparatorGroup,
  StoredComparatorGroup,
} from './comparator-group.types.ts';
import type { Executor } from './executor.ts';

export interface ComparatorGroupQuery {
  /** the area compared (its GSS code) */
  area: string;
  /** a built-in group or the id of a stored group */
  group: BuiltInGroup | (string & {});
  /** for 'custom': the hand-picked area codes */
  codes?: readonly string[];
  /** for 'england': compare with all areas of this indicator's area types (within the area's tier) */
  indicator?: string;
}

/** Stored nearest-neighbour models in order of preference: CIPFA, then Oflog, then any other. */
const NEAREST_PREFERENCE = ['cipfa:', 'oflog:'];

export async function resolveComparatorGroup(db: Executor, q: ComparatorGroupQuery): Promise<ResolvedComparatorGroup> {
  const area = await getArea(db, q.area);
  if (!area) throw new NotFoundError(`No area has the code ${q.area}`);
  switch (q.group) {
    case 'type':
      return sameTypeGroup(db, area);
    case 'region':
      return sameRegionGroup(db, area);
    case 'england':
      return englandGroup(db, area, q.indicator);
    case 'nearest':
      return nearestGroup(db, area);
    case 'custom':
      return customGroup(db, area, q.codes ?? []);
    default:
      return storedGroup(db, q.group);
  }
}

async function currentOfType(db: Executor, type: AreaType): Promise<string[]> {
  return listAreaCodesByType(db, [type]);
}

async function sameTypeGroup(db: Executor, area: Area): Promise<ResolvedComparatorGroup> {
  const memberCodes = await currentOfType(db, area.type);
  return {
    id: `type-${area.type}`,
    name: `All ${pluralOf(area.type)}`,
    kind: 'same_type',
    anchorAreaCode: null,
    memberCodes: withArea(memberCodes, area.code),
  };
}

async function sameRegionGroup(db: Executor, area: Area): Promise<ResolvedComparatorGroup> {
  const region = (await getAncestors(db, area.code)).find((a) => a.type === 'region');
  if (!region) throw new NotFoundError(`${area.name} is not within a region, so has no same-region group`);
  const current = new Set(await currentOfType(db, area.type));
  const memberCodes = (await getDescendantCodes(db, region.code, [area.type])).filter((c) => current.has(c));
  return {
    id: `region-${region.code}-${area.type}`,
    name: `${capitalise(pluralOf(area.type))} in ${region.name}`,
    kind: 'same_region',
    anchorAreaCode: null,
    memberCodes: withArea(memberCodes, area.code),
  };
}

async function englandGroup(db: Executor, area: Area, indicator: string | undefined): Promise<ResolvedComparatorGroup> {
  const def = indicator ? await getIndicator(db, indicator) : undefined;
  if (indicator && !def) throw new NotFoundError(`No indicator has the code ${indicator}`);
  const tier = tierOf(area.type);
  const fromIndicator = (def?.areaTypes ?? []).filter((t) => tier.includes(t));
  const types = fromIndicator.length > 0 ? fromIndicator : [area.type];
  let memberCodes = await getDescendantCodes(db, ENGLAND, types);
  if (memberCodes.length === 0) {
    const areas = await getAreas(db, await listAreaCodesByType(db, types));
    memberCodes = [...areas.values()].filter((a) => a.countryCode === ENGLAND).map((a) => a.code);
  }
  const name = `All ${types.map(pluralOf).join(', ')} in England`;
  return {
    id: `england-${[...types].sort().join('+')}`,
    name,
    kind: 'england',
    anchorAreaCode: null,
    memberCodes: withArea(memberCodes, area.code),
  };
}

/** The stored nearest-neighbour group anchored on the area, or undefined. */
export async function findNearestGroup(db: Executor, areaCode: string): Promise<StoredComparatorGroup | undefined> {
  const rows = await findGroupRowsByAnchor(db, areaCode, ['nearest_neighbours', 'statistical_neighbours']);
  const rank = (r: ComparatorGroupRow) => {
    const i = NEAREST_PREFERENCE.findIndex((p) => r.source.startsWith(p));
    return (r.kind === 'nearest_neighbours' ? 0 : 10) + (i === -1 ? NEAREST_PREFERENCE.length : i);
  };
  // Among equals, the later id (a newer vintage, "cipfa-2021-…" after "cipfa-2019-…") first.
  const best = [...rows].sort((a, b) => rank(a) - rank(b) || b.id.localeCompare(a.id))[0];
  return best ? toStored(best, (await findMembers(db, [best.id])).get(best.id) ?? []) : undefined;
}

async function nearestGroup(db: Executor, area: Area): Promise<ResolvedComparatorGroup> {
  const group = await findNearestGroup(db, area.code);
  if (!group) throw new NotFoundError(`No nearest-neighbour group is stored for ${area.name}; import one (CIPFA or Oflog)`);
  return { ...resolvedFrom(group), memberCodes: withArea(group.memberCodes, area.code) };
}

async function customGroup(db: Executor, area: Area, codes: readonly string[]): Promise<ResolvedComparatorGroup> {
  const wanted = [...new Set(codes.map((c) => c.trim()).filter((c) => c !== ''))];
  if (wanted.length === 0)
    throw new ValidationError('A hand-picked group needs area codes', [
      { field: 'codes', reason: 'give at least one area code' },
    ]);
  const found = await getAreas(db, wanted);
  const unknown = wanted.filter((c) => !found.has(c));
  if (unknown.length > 0) {
    throw new ValidationError(
      'Some codes in the hand-picked group are not areas',
      unknown.map((c) => ({ field: 'codes', value: c, reason: 'no area has this code' })),
    );
  }
  const memberCodes = withArea(wanted, area.code);
  return {
    id: 'custom',
    name: `Hand-picked group of ${memberCodes.length} areas`,
    kind: 'custom',
    anchorAreaCode: area.code,
    memberCodes,
  };
}

async function storedGroup(db: Executor, id: string): Promise<ResolvedComparatorGroup> {
  const group = await getComparatorGroup(db, id);
  if (!group) throw new NotFoundError(`No comparator group has the id ${id}`);
  return resolvedFrom(group);
}

export async function getComparatorGroup(db: Executor, id: string): Promise<StoredComparatorGroup | undefined> {
  const [row] = await findGroupRows(db, [id]);
  return row ? toStored(row, (await findMembers(db, [id])).get(id) ?? []) : undefined;
}

export async function listComparatorGroups(
  db: Executor,
  q: { anchor?: string; limit: number; offset: number },
): Promise<{ items: StoredComparatorGroup[]; total: number }> {
  const page = await listGroupRows(db, q);
  const members = await findMembers(
    db,
    page.items.map((r) => r.id),
  );
  return { items: page.items.map((r) => toStored(r, members.get(r.id) ?? [])), total: page.total };
}

function toStored(row: ComparatorGroupRow, memberCodes: string[]): StoredComparatorGroup {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as ComparatorGroupKind,
    anchorAreaCode: row.anchor_area_code,
    source: row.source,
    importedAt: row.imported_at,
    memberCodes,
  };
}

function resolvedFrom(g: StoredComparatorGroup): ResolvedComparatorGroup {
  return { id: g.id, name: g.name, kind: g.kind, anchorAreaCode: g.anchorAreaCode, memberCodes: g.memberCodes };
}

/** The compared area is always a member of its own group. */
function withArea(codes: readonly string[], area: string): string[] {
  return codes.includes(area) ? [...codes] : [area, ...codes];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
