/**
 * data: observations with their revisions, imports, data quality and export; submissions of figures
 * by bodies, held until published; collection rounds; sharing of unpublished figures (tables
 * observation, import_batch, collection_deadline, submission, submission_row, submission_event,
 * body_submission_setting, share_unpublished).
 */
export type {
  Executor,
  ImportOptions,
  Observation,
  ObservationFigures,
  ObservationQuery,
  ObservedFigures,
  ObservationStatus,
  RawCell,
  TidyRow,
} from './observation.types.ts';
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
export { assessQuality, type QualityReport } from './quality.service.ts';
export { exportObservations, type ObservationExportQuery } from './export.service.ts';
// submissions
export type {
  Page as SubmissionPage,
  Submission,
  SubmissionActorRef,
  SubmissionDetail,
  SubmissionEventRecord,
  SubmissionFormat,
  SubmissionReport,
  SubmissionRowRecord,
  SubmissionUpload,
} from './submission.types.ts';
export type { SubmissionSummary } from './submission-summary.ts';
export {
  isSubmissionState,
  SUBMISSION_EVENTS,
  SUBMISSION_STATES,
  SUBMISSION_TRANSITIONS,
  transition as submissionTransition,
  type SubmissionEvent,
  type SubmissionState,
  type TransitionResult as SubmissionTransitionResult,
} from './submission-workflow.ts';
export { checkSubmission } from './submission-check.service.ts';
export {
  approveSubmission,
  availableSubmissionSteps,
  createSubmission,
  publishSubmission,
  rejectSubmission,
  submitSubmission,
  withdrawSubmission,
} from './submission.service.ts';
export { getSubmission, getSubmissionRows, listSubmissions, MAX_SUBMISSION_PAGE } from './submission-read.service.ts';
export {
  getSubmissionRules,
  MAX_RULE_REASON_LENGTH,
  mayReadSubmissionRules,
  selfApprovalAllowed,
  type SelfApprovalChange,
  setSelfApproval,
  type SubmissionRules,
} from './submission-rules.service.ts';
// sharing unpublished figures
export {
  listSharesWithPartner,
  listUnpublishedShares,
  mayReadUnpublished,
  shareUnpublished,
  sharedWith,
  unshareUnpublished,
  type ShareRequest,
  type UnpublishedShare,
} from './sharing.service.ts';
// collection rounds
export { COLLECTION_STATUSES, type CollectionStatus } from './collection-status.ts';
export {
  collectionStatus,
  overdueByBody,
  removeCollectionDeadline,
  setCollectionDeadline,
  type CollectionDeadline,
  type CollectionDeadlineInput,
  type CollectionItem,
  type OverdueBody,
} from './collection.service.ts';
// HTTP API (api/routes.ts) and pages (web/), composed in src/main/app.ts
export { dataApi, type DataApiDeps } from './api/routes.ts';
export { DATA_VIEWS, dataPages } from './web/routes.ts';
export type { DataPagesDeps } from './web/deps.ts';
export { dataLinksFor } from './web/links.ts';
export { dataUrls } from './web/urls.ts';
