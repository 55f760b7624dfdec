/**
 * indicators: the catalogue of indicator definitions, national and councils' own local ones
 * (tables indicator, indicator_version, indicator_alias).
 */
export type {
  AreaAggregation,
  CollectionMethod,
  Frequency,
  IndicatorAlias,
  IndicatorDefinition,
  IndicatorInput,
  IndicatorQuery,
  IndicatorUnit,
  Polarity,
  SaveResult,
  TimeAggregation,
} from './indicator.types.ts';
export {
  AREA_AGGREGATIONS,
  COLLECTION_METHODS,
  FREQUENCIES,
  INDICATOR_UNITS,
  POLARITIES,
  TIME_AGGREGATIONS,
} from './indicator.types.ts';
export { indicatorInputSchema, INDICATOR_CODE_PATTERN, RESERVED_INDICATOR_CODES } from './indicator.schema.ts';
export { DEFINITIONAL_FIELDS } from './fingerprint.ts';
export {
  getIndicator,
  getIndicators,
  listIndicators,
  listIndicatorVersions,
  listThemes,
  resolveIndicatorCode,
} from './catalogue.service.ts';
export { saveIndicatorDefinitions } from './versioning.service.ts';
export {
  defineLocalIndicator,
  maintainNationalIndicator,
  councilsDefinableBy,
  requireMayDefine,
  type DefinitionOutcome,
  type DefinitionSaved,
} from './definitions.service.ts';
export { formatDifference, formatValue } from './format.ts';
export { importIndicatorFile, exportIndicators } from './transfer.service.ts';
export { normalisePolarity, type PolarityParse } from './polarity.ts';
// HTTP API (api/routes.ts, written alongside by the API work), composed in src/main/app.ts
export { indicatorsApi } from './api/routes.ts';
// The definition pages (web/): councils' local indicators and the national ones, composed in src/main/app.ts
export { indicatorPages, INDICATORS_VIEWS } from './web/routes.ts';
export type { IndicatorPagesDeps } from './web/deps.ts';
export { definitionUrls } from './web/urls.ts';
export { indicatorLinksFor } from './web/links.ts';
