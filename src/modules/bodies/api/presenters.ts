import { z } from 'zod';
import type { CsvColumn } from '../../../platform/http/csv.ts';
import type { Body, BodyArea, Membership } from '../body.types.ts';

export const bodySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  councilType: z.string().nullable(),
  shortName: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  replacedBy: z.string().nullable(),
  website: z.string().nullable(),
  links: z.object({ self: z.string() }),
});

export function presentBody(b: Body): z.infer<typeof bodySchema> {
  return {
    id: b.id,
    name: b.name,
    kind: b.kind,
    councilType: b.councilType,
    shortName: b.shortName,
    validFrom: b.validFrom,
    validTo: b.validTo,
    replacedBy: b.replacedBy,
    website: b.website,
    links: { self: `/api/v1/bodies/${encodeURIComponent(b.id)}` },
  };
}

export const bodyAreaSchema = z.object({
  areaCode: z.string(),
  role: z.string(),
  tier: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});
export const presentBodyArea = (a: BodyArea): z.infer<typeof bodyAreaSchema> => ({
  areaCode: a.areaCode,
  role: a.role,
  tier: a.tier,
  validFrom: a.validFrom,
  validTo: a.validTo,
});

export const membershipSchema = z.object({
  body: bodySchema,
  role: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});
export const presentMembership = (m: Membership): z.infer<typeof membershipSchema> => ({
  body: presentBody(m.body),
  role: m.role,
  validFrom: m.validFrom,
  validTo: m.validTo,
});

export const bodyDetailSchema = bodySchema.extend({
  areas: z.array(bodyAreaSchema),
  members: z.array(membershipSchema),
  memberOf: z.array(membershipSchema),
});

export const councilSchema = bodySchema.extend({ tier: z.string().nullable() });

export const bodyCsv: CsvColumn<Body>[] = [
  { header: 'id', value: (b) => b.id },
  { header: 'name', value: (b) => b.name },
  { header: 'kind', value: (b) => b.kind },
  { header: 'council_type', value: (b) => b.councilType },
  { header: 'valid_from', value: (b) => b.validFrom },
  { header: 'valid_to', value: (b) => b.validTo },
  { header: 'replaced_by', value: (b) => b.replacedBy },
  { header: 'website', value: (b) => b.website },
];
