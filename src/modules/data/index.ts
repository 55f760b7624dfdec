/** data: observations with their revisions, imports, data quality and export (tables observation, import_batch, collection_deadline). */
export type { Executor, ImportOptions, Observation, ObservationFigures, ObservationQuery, ObservedFigures, ObservationStatus, RawCell, TidyRow } from './observation.types.ts';
export { OBSERVATION_STATUSES } from './observation.types.ts';
export {
  getFiguresForArea,
  getFiguresForPeriods,
  getSeries,
  getValuesForPeriod,
  latestPeriodWithData,
  listIndicatorCodesForArea,
  listPeriodsWithData,
  queryObservations,
} from './observation.service.ts';
export { importObservationRows, importObservations, type RowImportOptions } from './import.service.ts';
export { listImportBatches, type ImportBatchRecord } from './import-batch.repository.ts';
export { MAX_LISTED_PROBLEMS } from './import-pipeline.ts';
export { TIDY_COLUMNS } from './readers/source.ts';
export { assessQuality, setCollectionDeadline, type QualityReport } from './quality.service.ts';
export { exportObservations, type ObservationExportQuery } from './export.service.ts';
// HTTP API (api/routes.ts, written alongside by the API work), composed in src/main/app.ts
export { dataApi } from './api/routes.ts';
