/** Exporting bodies in the documented bodies format, which importBodyFile reads back. */
import { ValidationError } from '../../platform/errors.ts';
import { BODY_KINDS, isBodyKind } from './body.types.ts';
import * as repo from './body.repository.ts';
import { toBody } from './body.service.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { type ExportedBody, writeGenericBodyCsv, writeGenericBodyJson } from './readers/generic-bodies-writer.ts';

export interface BodyExportQuery {
  format: 'csv' | 'json';
  /** one kind of body; all bodies when left out */
  kind?: string;
}

export async function exportBodies(db: Executor, q: BodyExportQuery): Promise<string> {
  if (q.kind !== undefined && !isBodyKind(q.kind)) {
    throw new ValidationError('Unknown kind of body', [
      { field: 'kind', value: q.kind, reason: `is not one of ${BODY_KINDS.join(', ')}` },
    ]);
  }
  const rows = await repo.findAllBodyRows(db, q.kind);
  const ids = rows.map((r) => r.id);
  const identifiers = groupBy(await repo.findIdentifiersOfBodies(db, ids), (x) => x.body_id);
  const areas = groupBy(await repo.findBodyAreaRows(db, ids), (a) => a.body_id);
  const members = groupBy(await repo.findMembershipRows(db, ids), (m) => m.body_id);
  const bodies: ExportedBody[] = rows.map((r) => ({
    ...toBody(r),
    identifiers: (identifiers.get(r.id) ?? []).map((x) => ({ scheme: x.scheme, identifier: x.identifier })),
    areas: (areas.get(r.id) ?? []).map((a) => ({
      areaCode: a.area_code,
      role: a.role,
      tier: a.tier,
      validFrom: a.valid_from,
      validTo: a.valid_to,
    })),
    members: (members.get(r.id) ?? []).map((m) => ({
      body: m.member_body_id,
      role: m.role,
      validFrom: m.valid_from,
      validTo: m.valid_to,
    })),
  }));
  return q.format === 'json' ? writeGenericBodyJson(bodies) : writeGenericBodyCsv(bodies);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}
