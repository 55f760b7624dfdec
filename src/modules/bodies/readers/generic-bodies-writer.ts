/** Writes bodies in the documented format that generic-bodies.ts reads back. */
import { stringify } from 'csv-stringify/sync';
import { CSV_QUOTE_CARRIAGE_RETURNS, neutraliseFormula } from '../../../platform/formula-guard.ts';
import type { Body, BodyArea } from '../body.types.ts';
import { GENERIC_BODY_COLUMNS } from './generic-bodies.ts';

export interface ExportedBody extends Body {
  identifiers: { scheme: string; identifier: string }[];
  areas: BodyArea[];
  members: { body: string; role: string | null; validFrom: string | null; validTo: string | null }[];
}

function toEntry(b: ExportedBody) {
  return {
    id: b.id,
    name: b.name,
    kind: b.kind,
    short_name: b.shortName,
    council_type: b.councilType,
    website: b.website,
    valid_from: b.validFrom,
    valid_to: b.validTo,
    replaced_by: b.replacedBy ? b.replacedBy.split(',') : [],
    identifiers: b.identifiers,
    areas: b.areas.map((a) => ({ code: a.areaCode, role: a.role, tier: a.tier, valid_from: a.validFrom, valid_to: a.validTo })),
    members: b.members.map((m) => ({ body: m.body, role: m.role, valid_from: m.validFrom, valid_to: m.validTo })),
  };
}

export function writeGenericBodyJson(bodies: readonly ExportedBody[]): string {
  return `${JSON.stringify({ bodies: bodies.map(toEntry) }, null, 2)}\n`;
}

/** Colon-separated parts of a list item, without empty trailing parts. */
function item(parts: readonly (string | null)[]): string {
  const texts = parts.map((p) => p ?? '');
  while (texts.length > 1 && texts[texts.length - 1] === '') texts.pop();
  return texts.join(':');
}

export function writeGenericBodyCsv(bodies: readonly ExportedBody[]): string {
  const rows = bodies.map((b) => {
    const cells: Record<(typeof GENERIC_BODY_COLUMNS)[number], string> = {
      id: b.id,
      name: b.name,
      kind: b.kind,
      short_name: b.shortName ?? '',
      council_type: b.councilType ?? '',
      website: b.website ?? '',
      valid_from: b.validFrom ?? '',
      valid_to: b.validTo ?? '',
      replaced_by: (b.replacedBy ?? '').split(',').filter(Boolean).join(';'),
      identifiers: b.identifiers.map((x) => item([x.scheme, x.identifier])).join(';'),
      areas: b.areas.map((a) => item([a.areaCode, a.role, a.tier, a.validFrom, a.validTo])).join(';'),
      members: b.members.map((m) => item([m.body, m.role, m.validFrom, m.validTo])).join(';'),
    };
    return GENERIC_BODY_COLUMNS.map((c) => neutraliseFormula(cells[c]));
  });
  return stringify([[...GENERIC_BODY_COLUMNS], ...rows], CSV_QUOTE_CARRIAGE_RETURNS);
}
