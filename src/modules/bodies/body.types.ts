/** The bodies vocabulary: councils, partners, Local Strategic Partnerships, neighbourhood bodies, parishes. */

export const BODY_KINDS = ['council', 'partner', 'lsp', 'neighbourhood_body', 'parish'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export function isBodyKind(value: string): value is BodyKind {
  return (BODY_KINDS as readonly string[]).includes(value);
}

/** Tiers of a council over an area: two-tier places have an upper (county) and a lower (district) council. */
export const COUNCIL_TIERS = ['upper', 'lower', 'single', 'combined'] as const;
export type CouncilTier = (typeof COUNCIL_TIERS)[number];

export interface Body {
  id: string;
  name: string;
  kind: BodyKind;
  councilType: string | null;
  shortName: string | null;
  validFrom: string | null;
  validTo: string | null;
  /** the id of the body that took over, or several ids joined by commas */
  replacedBy: string | null;
  website: string | null;
}

export interface BodyArea {
  areaCode: string;
  /** 'governs' for a council's own area; 'serves' or other words for partners */
  role: string;
  tier: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface Membership {
  /** the member (listMembers) or the partnership (listMemberships) */
  body: Body;
  role: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface Page {
  limit: number;
  offset: number;
}
