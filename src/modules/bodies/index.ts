/**
 * bodies: councils tied to the areas they govern, partner organisations, Local Strategic
 * Partnerships and their members, neighbourhood bodies and parishes
 * (tables body, body_area, body_membership, body_identifier).
 */
export type { Body, BodyArea, BodyKind, CouncilTier, Membership, Page } from './body.types.ts';
export { BODY_KINDS, COUNCIL_TIERS, isBodyKind } from './body.types.ts';
export {
  councilsForArea,
  findBodyByIdentifier,
  getBody,
  getBodyAreas,
  listBodies,
  listMembers,
  listMemberships,
} from './body.service.ts';
export { importBodyFile, type BodyImportOptions } from './body-import.service.ts';
export { exportBodies, type BodyExportQuery } from './body-export.service.ts';
export { councilBodyId, MYSOCIETY_SCHEME } from './readers/mysociety-councils.ts';
export { GENERIC_BODY_COLUMNS } from './readers/generic-bodies.ts';
export { bodiesApi } from './api/routes.ts';
