/**
 * Working out what a bodies file changes, without touching the database: new and changed bodies,
 * identifiers, areas and memberships, and which lines caused a write.
 */
import type { BodyRow } from '../../platform/db/schema.ts';
import type { BodyAreaRow, BodyIdentifierRow, MembershipRow } from './body.repository.ts';
import type { BodyFacts, BodyRecord } from './readers/body-file.ts';

export interface ResolvedBody {
  record: BodyRecord;
  id: string;
  /** resolved successor ids joined by commas; undefined when the row does not say */
  replacedBy?: string | null;
  /** resolved members; undefined when the row does not list members */
  members?: MembershipRow[];
}

export interface RecordedBodies {
  bodies: ReadonlyMap<string, BodyRow>;
  identifiers: readonly BodyIdentifierRow[];
  areas: readonly BodyAreaRow[];
  memberships: readonly MembershipRow[];
}

export interface BodyPlan {
  insertBodies: BodyRow[];
  updateBodies: { id: string; set: Partial<BodyRow> }[];
  insertIdentifiers: BodyIdentifierRow[];
  moveIdentifiers: BodyIdentifierRow[];
  insertAreas: BodyAreaRow[];
  updateAreas: BodyAreaRow[];
  deleteAreas: BodyAreaRow[];
  insertMemberships: MembershipRow[];
  updateMemberships: MembershipRow[];
  deleteMemberships: MembershipRow[];
  writtenLines: Set<number>;
}

const FACT_COLUMNS = {
  name: 'name',
  kind: 'kind',
  councilType: 'council_type',
  shortName: 'short_name',
  validFrom: 'valid_from',
  validTo: 'valid_to',
  website: 'website',
} as const satisfies Partial<Record<keyof BodyFacts, keyof BodyRow>>;

export function planBodyChanges(resolved: readonly ResolvedBody[], recorded: RecordedBodies, source: string): BodyPlan {
  const plan: BodyPlan = {
    insertBodies: [],
    updateBodies: [],
    insertIdentifiers: [],
    moveIdentifiers: [],
    insertAreas: [],
    updateAreas: [],
    deleteAreas: [],
    insertMemberships: [],
    updateMemberships: [],
    deleteMemberships: [],
    writtenLines: new Set(),
  };
  const identifiers = new Map(recorded.identifiers.map((i) => [`${i.scheme}\u0000${i.identifier}`, i.body_id]));
  for (const body of resolved) {
    const before = countWrites(plan);
    planBody(body, recorded.bodies.get(body.id), source, plan);
    for (const x of body.record.identifiers) {
      const key = `${x.scheme}\u0000${x.identifier}`;
      const holder = identifiers.get(key);
      if (holder === body.id) continue;
      (holder === undefined ? plan.insertIdentifiers : plan.moveIdentifiers).push({
        body_id: body.id,
        scheme: x.scheme,
        identifier: x.identifier,
      });
      identifiers.set(key, body.id);
    }
    if (body.record.areas)
      planAreas(
        body,
        recorded.areas.filter((a) => a.body_id === body.id),
        plan,
      );
    if (body.members)
      planMembers(
        body.members,
        recorded.memberships.filter((m) => m.body_id === body.id),
        plan,
      );
    if (countWrites(plan) > before) plan.writtenLines.add(body.record.line);
  }
  return plan;
}

function countWrites(plan: BodyPlan): number {
  return Object.values(plan).reduce((n, v) => n + (Array.isArray(v) ? v.length : 0), 0);
}

function planBody(body: ResolvedBody, row: BodyRow | undefined, source: string, plan: BodyPlan): void {
  const f = body.record.facts;
  if (!row) {
    plan.insertBodies.push({
      id: body.id,
      name: f.name,
      kind: f.kind,
      council_type: f.councilType ?? null,
      short_name: f.shortName ?? null,
      valid_from: f.validFrom ?? null,
      valid_to: f.validTo ?? null,
      replaced_by: body.replacedBy ?? null,
      website: f.website ?? null,
      source,
    });
    return;
  }
  const set: Partial<BodyRow> = {};
  for (const [key, column] of Object.entries(FACT_COLUMNS) as [keyof typeof FACT_COLUMNS, keyof typeof set][]) {
    const value = f[key];
    if (value !== undefined && row[column] !== value) Object.assign(set, { [column]: value });
  }
  if (body.replacedBy !== undefined && row.replaced_by !== body.replacedBy) set.replaced_by = body.replacedBy;
  if (Object.keys(set).length > 0) plan.updateBodies.push({ id: body.id, set: { ...set, source } });
}

/** The row's areas replace the recorded ones of the same roles (all roles for 'all'). */
function planAreas(body: ResolvedBody, recorded: readonly BodyAreaRow[], plan: BodyPlan): void {
  const roles = body.record.areaRoles ?? 'all';
  const inScope = (role: string) => roles === 'all' || roles.includes(role);
  const key = (a: { area_code: string; role: string }) => `${a.area_code}\u0000${a.role}`;
  const wanted = new Map<string, BodyAreaRow>();
  for (const a of body.record.areas ?? []) {
    wanted.set(key({ area_code: a.code, role: a.role }), {
      body_id: body.id,
      area_code: a.code,
      role: a.role,
      tier: a.tier,
      valid_from: a.validFrom,
      valid_to: a.validTo,
    });
  }
  const have = new Map(recorded.filter((a) => inScope(a.role)).map((a) => [key(a), a]));
  for (const [k, a] of wanted) {
    const old = have.get(k);
    if (!old) plan.insertAreas.push(a);
    else if (old.tier !== a.tier || old.valid_from !== a.valid_from || old.valid_to !== a.valid_to) plan.updateAreas.push(a);
  }
  for (const [k, a] of have) if (!wanted.has(k)) plan.deleteAreas.push(a);
}

/** The row's members replace the recorded ones. */
function planMembers(members: readonly MembershipRow[], recorded: readonly MembershipRow[], plan: BodyPlan): void {
  const have = new Map(recorded.map((m) => [m.member_body_id, m]));
  const wanted = new Map(members.map((m) => [m.member_body_id, m]));
  for (const [id, m] of wanted) {
    const old = have.get(id);
    if (!old) plan.insertMemberships.push(m);
    else if (old.role !== m.role || old.valid_from !== m.valid_from || old.valid_to !== m.valid_to)
      plan.updateMemberships.push(m);
  }
  for (const [id, m] of have) if (!wanted.has(id)) plan.deleteMemberships.push(m);
}
