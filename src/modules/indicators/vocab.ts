/** The period and area vocabularies the catalogue uses, from the lower modules that own them. */
export { PERIOD_TYPES, type PeriodType } from '../periods/index.ts';
export { AREA_TYPES, type AreaType } from '../places/index.ts';
