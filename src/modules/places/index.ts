/**
 * places: areas with GSS codes, their parents, closure, identifiers and successions, and boundary
 * files for maps (tables area, area_parent, area_closure, area_identifier, area_succession, boundary_set).
 */
export type { Area, AreaSuccessor, AreaType, BoundaryFormat, BoundarySet, BoundarySetSummary, Page } from './area.types.ts';
export { AREA_TYPE_PLURALS, AREA_TYPES, DISTRICT_TYPES, isAreaType } from './area.types.ts';
export type { Executor } from '../../platform/db/executor.ts';
export { COUNTRIES, ENGLISH_REGIONS, countryCodeOf, isGssCode } from './gss.ts';
export {
  findAreaCodeByIdentifier,
  getAncestors,
  getArea,
  getAreaIdentifiers,
  getAreas,
  getChildren,
  getDescendantCodes,
  getDescendantCodesMany,
  getParents,
  getPredecessors,
  getSuccessors,
  listAreaCodesByType,
  searchAreas,
} from './area.service.ts';
export { importAreaFile, type AreaImportOptions } from './area-import.service.ts';
export { exportAreas, type AreaExportQuery } from './area-export.service.ts';
export { MYSOCIETY_SCHEME } from './readers/mysociety-local-authorities.ts';
export { GENERIC_AREA_COLUMNS } from './readers/generic-areas.ts';
export {
  DEFAULT_BOUNDARY_ATTRIBUTION,
  DEFAULT_BOUNDARY_LICENCE,
  getBoundarySet,
  importBoundaryFile,
  listBoundarySets,
  type BoundaryImportOptions,
} from './boundary.service.ts';
export { placesApi } from './api/routes.ts';
